/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import java.io.IOException;

/**
 * Thrown by a {@link Conn}'s output stream when the connection was closed by either end: the
 * analogue of Go's {@code net.ErrClosed}.
 */
public final class ConnectionClosedException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed because the connection was closed
   */
  public ConnectionClosedException(String message) {
    super(message);
  }
}
