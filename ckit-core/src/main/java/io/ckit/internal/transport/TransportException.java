/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import io.ckit.CkitException;

/**
 * A transport failure the runtime can act on: the transport is stopped, a peer answered a request
 * with an error status, a stream's outbound backlog overflowed, or a frame was malformed.
 */
public final class TransportException extends CkitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, with the values involved
   */
  public TransportException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what went wrong, with the values involved
   * @param cause the underlying failure
   */
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
