/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

/**
 * One open gossiphttp stream: a full-duplex byte pipe to a peer over one HTTP/2 stream.
 *
 * <p>Thread-safe; every method is non-blocking and may be called from any thread. Writes are
 * queued and flushed in order, one frame per call.
 */
public interface StreamConnection {
  /**
   * Queues {@code data} as one frame. The call never blocks. If the bytes queued but not yet
   * flushed would exceed the configured backlog ({@link TransportConfig#streamBacklogBytes()}), the
   * stream fails instead: it is reset and its listener gets {@link
   * StreamListener#onClosed(Throwable)} with a {@link TransportException}. A peer that does not read
   * cannot make the sender buffer without bound.
   *
   * @param data the bytes to send, not null; the transport takes ownership (do not modify later)
   * @return true if queued; false if the stream is closing, closed, failed or its output shut down
   *     (the data is dropped)
   */
  boolean write(byte[] data);

  /**
   * Queues {@code data} as the last frame of this side: {@link #write} and {@link
   * #shutdownOutput()} in one step, so that the frame itself carries END_STREAM (unless it must
   * wait behind a frame already in flight, when an empty END_STREAM follows it).
   *
   * @param data the bytes to send, not null; the transport takes ownership
   * @return true if queued; false if the stream is closing, closed, failed or its output shut down
   */
  boolean writeLast(byte[] data);

  /**
   * Ends this side once the frames already queued are flushed (HTTP/2 END_STREAM), but keeps
   * reading: for an exchange whose request is complete and whose reply is still to come. Later
   * writes return false. The listener's {@code onClosed} follows when the peer ended its side too,
   * or on failure or timeout. Idempotent; {@link #close()} may still follow.
   *
   * <p>Why a dialer does this: a Go server whose handler returns while the request body is still
   * open sends RST_STREAM(NO_ERROR) right after its complete response, and Jetty's client then
   * fails a response whose last bytes it had not yet handed over. A request that already ended
   * gets a plain END_STREAM instead.
   */
  void shutdownOutput();

  /**
   * Ends the stream gracefully: frames already queued are flushed, then this side ends (HTTP/2
   * END_STREAM). Inbound data after this is discarded. The listener's {@code onClosed} follows when
   * the peer ended its side too, or on failure or timeout. Idempotent.
   */
  void close();

  /**
   * Returns the peer's address: for a dialed stream the dialed {@code host:port}; for an accepted
   * stream the HTTP connection's peer {@code ip:port} (an ephemeral port) or {@code "unknown"}.
   */
  String remoteAddress();
}
