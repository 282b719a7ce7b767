/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import io.ckit.peer.State;

/**
 * Thrown when a node is asked to move to a state it cannot move to from its current one. The only
 * valid transitions are viewer to participant and participant to terminating.
 */
public final class StateTransitionException extends CkitException {
  private static final long serialVersionUID = 1L;

  /** The state the node was in. */
  private final State from;

  /** The state that was requested. */
  private final State to;

  /**
   * Creates the exception; its message is Go ckit's: {@code invalid transition from <from> to <to>}.
   *
   * @param from the node's current state
   * @param to the requested state
   */
  public StateTransitionException(State from, State to) {
    super("invalid transition from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  /**
   * Returns the state the node was in.
   *
   * @return the node's state when the transition was asked for
   */
  public State from() {
    return from;
  }

  /**
   * Returns the state that was requested.
   *
   * @return the requested state
   */
  public State to() {
    return to;
  }
}
