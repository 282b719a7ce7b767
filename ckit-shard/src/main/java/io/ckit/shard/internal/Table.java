/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import io.ckit.peer.Peer;

/** An immutable lookup table of one {@link Algorithm} over one node set. Thread-safe. */
public interface Table {
  /** Returns the number of nodes in the table. */
  int size();

  /**
   * Returns the {@code n} owners of {@code key}, most preferred first.
   *
   * @param key the key's 64 bits
   * @param n between 1 and {@link #size()}
   * @return a new array of {@code n} distinct peers, owned by the caller
   */
  Peer[] lookup(long key, int n);

  /**
   * Returns the table of a subset of this table's nodes, equal to {@code build(subset)} but
   * usually cheaper, because every algorithm here derives a node's hashes from its name alone and
   * orders ties by name.
   *
   * @param subset the kept nodes, in their order here
   * @param remap for each node index here, its index in {@code subset}, or -1 if dropped
   * @return the subset's table
   */
  Table restrict(Nodes subset, int[] remap);
}
