/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard;

/**
 * The kind of operation a lookup is for; it decides which peer states are eligible owners.
 */
public enum Op {
  /** A read: participants and terminating peers are eligible owners. */
  READ,

  /** A read-write: only participants are eligible owners. */
  READ_WRITE
}
