/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

/**
 * Thrown by a {@link Node} method called after {@link Node#stop()} (Go ckit's {@code ErrStopped}).
 * A stopped node cannot be restarted; create a new one with the same name instead.
 */
public final class NodeStoppedException extends CkitException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the message "node stopped". */
  public NodeStoppedException() {
    super("node stopped");
  }
}
