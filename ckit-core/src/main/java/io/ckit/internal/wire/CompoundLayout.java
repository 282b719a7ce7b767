/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.Objects;

/**
 * Where the parts of a compound message lie in the buffer it was read from: the result of {@link
 * Codec#locateCompound}. Immutable.
 */
public final class CompoundLayout {
  private final int[] bounds; // offset, length for each complete part
  private final int parts;
  private final int truncated;

  CompoundLayout(int[] bounds, int parts, int truncated) {
    this.bounds = bounds;
    this.parts = parts;
    this.truncated = truncated;
  }

  /** Returns how many complete parts there are. */
  public int parts() {
    return parts;
  }

  /**
   * Returns where part {@code i} (which starts with its own type byte) starts in the buffer.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= i < parts()}
   */
  public int offset(int i) {
    return bounds[2 * Objects.checkIndex(i, parts)];
  }

  /**
   * Returns the length of part {@code i}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= i < parts()}
   */
  public int length(int i) {
    return bounds[2 * Objects.checkIndex(i, parts) + 1];
  }

  /** Returns how many declared parts were missing. */
  public int truncated() {
    return truncated;
  }
}
