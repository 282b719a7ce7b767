/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

/**
 * Thrown by {@link Listener#accept()} and {@link Listener#dial()} when the listener is closed,
 * including calls that were blocked when it closed. Unchecked, like {@link
 * java.nio.channels.ClosedSelectorException}.
 */
public final class ListenerClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which operation failed
   */
  public ListenerClosedException(String message) {
    super(message);
  }
}
