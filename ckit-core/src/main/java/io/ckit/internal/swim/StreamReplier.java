/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

/**
 * The reply side of a stream another node opened to this one, handed to {@link
 * SwimEngine#onStream}. The engine writes at most one reply message and then closes.
 *
 * <p>Called only on the membership loop; implementations must not block (queue the write).
 */
public interface StreamReplier {
  /**
   * Writes one complete message on the stream (one gossiphttp frame).
   *
   * @param message the bytes to write; must not be mutated
   */
  void reply(byte[] message);

  /** Ends the stream; no more replies follow. */
  void close();
}
