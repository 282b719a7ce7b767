/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard;

/**
 * Thrown by {@link Sharder#lookup} when fewer peers are eligible for the operation than owners were
 * asked for. The message is Go ckit's error text: {@code not enough nodes: need at least N, have
 * M}.
 */
public final class NotEnoughNodesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How many owners were asked for. */
  private final int need;

  /** How many peers were eligible for the operation. */
  private final int have;

  /**
   * Creates the exception.
   *
   * @param need how many owners were asked for
   * @param have how many peers were eligible
   */
  public NotEnoughNodesException(int need, int have) {
    super("not enough nodes: need at least " + need + ", have " + have);
    this.need = need;
    this.have = have;
  }

  /**
   * Returns how many owners were asked for.
   *
   * @return the requested number of owners
   */
  public int need() {
    return need;
  }

  /**
   * Returns how many peers were eligible for the operation.
   *
   * @return the number of eligible peers
   */
  public int have() {
    return have;
  }
}
