/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/** memberlist's NodeStateType, as sent in push/pull node states (a Go {@code int}). */
public enum NodeStateType {
  ALIVE,
  SUSPECT,
  DEAD,
  LEFT;

  private static final NodeStateType[] BY_VALUE = values();

  /** Returns the wire value: 0 alive, 1 suspect, 2 dead, 3 left. */
  public int wireValue() {
    return ordinal();
  }

  /**
   * Returns the state for a wire value.
   *
   * @param value the wire value
   * @throws WireFormatException if the value is not 0..3
   */
  public static NodeStateType fromWireValue(long value) {
    if (value < 0 || value >= BY_VALUE.length) {
      throw new WireFormatException("unknown node state " + value);
    }
    return BY_VALUE[(int) value];
  }
}
