/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.peer;

/**
 * The role a node announces to its peers through gossip.
 *
 * <p>The ordinal of each constant is its value on the wire (Go's {@code peer.State}): viewer is 0,
 * participant 1 and terminating 2. Do not reorder.
 */
public enum State {
  /**
   * The default state. Viewers have a read-only view of the cluster and never own keys.
   */
  VIEWER("viewer"),

  /**
   * Available to receive writes: a potential owner for both read and read-write lookups.
   */
  PARTICIPANT("participant"),

  /**
   * A participant that is shutting down: still a potential owner for read lookups only.
   */
  TERMINATING("terminating");

  private static final State[] BY_WIRE_VALUE = values();

  private final String text;

  State(String text) {
    this.text = text;
  }

  /**
   * Returns the state with the given wire value (Go's numeric {@code peer.State}).
   *
   * @param value 0, 1 or 2
   * @return the state
   * @throws IllegalArgumentException if {@code value} is not a known state
   */
  public static State fromWireValue(long value) {
    if (value < 0 || value >= BY_WIRE_VALUE.length) {
      throw new IllegalArgumentException("unknown peer state " + Long.toUnsignedString(value));
    }
    return BY_WIRE_VALUE[(int) value];
  }

  /**
   * Parses the lower-case name used by {@link #toString()} and in Peer JSON.
   *
   * @param text "viewer", "participant" or "terminating"
   * @return the state
   * @throws IllegalArgumentException if {@code text} names no state
   */
  public static State parse(String text) {
    for (State state : BY_WIRE_VALUE) {
      if (state.text.equals(text)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown state \"" + text + "\"");
  }

  /**
   * Returns this state's value on the wire (Go's numeric {@code peer.State}).
   *
   * @return 0 for viewer, 1 for participant, 2 for terminating
   */
  public int wireValue() {
    return ordinal();
  }

  /** Returns "viewer", "participant" or "terminating", exactly as Go ckit prints it. */
  @Override
  public String toString() {
    return text;
  }
}
