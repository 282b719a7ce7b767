/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import java.time.Duration;

/**
 * Thrown by {@link Listener#dial(Duration)} when no {@link Listener#accept()} took the connection
 * in time: the analogue of the context deadline of Go's {@code DialContext}. Unchecked.
 */
public final class DialTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The timeout that passed. */
  private final Duration timeout;

  /**
   * Creates the exception.
   *
   * @param timeout the timeout that passed, not {@code null}
   */
  public DialTimeoutException(Duration timeout) {
    super("in-memory dial timed out after " + timeout + " with no accept");
    this.timeout = timeout;
  }

  /**
   * Returns the timeout that passed.
   *
   * @return the timeout given to {@link Listener#dial(Duration)}
   */
  public Duration timeout() {
    return timeout;
  }
}
