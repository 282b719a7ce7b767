/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

/**
 * A consistent hashing algorithm (Go ckit's {@code internal/chash.Hash}), split into an immutable
 * {@link Table} per node set so that lookups need no locks.
 */
public interface Algorithm {
  /**
   * Builds the lookup table for a node set.
   *
   * @param nodes the nodes, sorted by name
   * @return an immutable table, safe to share between threads once published
   */
  Table build(Nodes nodes);
}
