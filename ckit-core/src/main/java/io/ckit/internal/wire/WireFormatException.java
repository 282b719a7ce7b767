/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * Bytes that do not form a valid message: truncated input, a bad magic or type byte, a CRC
 * mismatch, an oversize length, or msgpack that does not match the expected shape. Receivers drop
 * the input and count it; nothing else is affected.
 */
public final class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what was wrong with the input
   */
  public WireFormatException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what was wrong with the input
   * @param cause the underlying failure
   */
  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
