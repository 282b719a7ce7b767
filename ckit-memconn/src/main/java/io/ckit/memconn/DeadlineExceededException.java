/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import java.net.SocketTimeoutException;

/**
 * Thrown by a {@link Conn}'s streams when a read or write deadline has passed: the analogue of Go's
 * {@code os.ErrDeadlineExceeded}.
 *
 * <p>It is a {@link SocketTimeoutException}, so code written for sockets handles it as a timeout.
 * For a write, {@link #bytesTransferred} says how many bytes were delivered before the deadline.
 */
public final class DeadlineExceededException extends SocketTimeoutException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which deadline passed and when
   * @param bytesTransferred the bytes delivered before the deadline passed
   */
  public DeadlineExceededException(String message, int bytesTransferred) {
    super(message);
    this.bytesTransferred = bytesTransferred;
  }
}
