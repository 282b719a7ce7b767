/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

/**
 * Receives the inbound side of one stream, in either direction (accepted or dialed).
 *
 * <p>Threading: calls for one stream are serialized (never concurrent, each happens-before the
 * next) but may come from different Jetty threads, or from the thread calling {@link
 * StreamConnection#write} or {@link StreamConnection#close} (in-memory connections run the peer on
 * the writer's thread). Implementations must not block; they should hand the data to the loop
 * thread and return.
 */
public interface StreamListener {
  /**
   * Receives the payload of one non-empty frame. Frame boundaries carry no meaning on a stream; the
   * payloads concatenated are the byte stream. Not called after {@link StreamConnection#close()}.
   *
   * @param chunk the bytes, owned by the receiver from now on, never null or empty
   */
  void onData(byte[] chunk);

  /**
   * The peer ended its side cleanly (HTTP/2 END_STREAM) while this side is still open: no more
   * {@link #onData} follows, but this side may still write, as a server answers a request whose
   * dialer shut its output down ({@link StreamConnection#shutdownOutput()}). The default ends this
   * side too, once the frames already queued are flushed, as a TCP peer closing on EOF would.
   *
   * @param stream the stream whose input ended
   */
  default void onInputEnded(StreamConnection stream) {
    stream.close();
  }

  /**
   * Called exactly once when the stream is finished, for any reason: both sides ended it cleanly,
   * the peer reset it (Go dialers always reset rather than end their side, so this is normal), a
   * timeout fired, a frame was malformed, the outbound backlog overflowed, or the transport
   * stopped. No other call follows. It also comes after a local {@link StreamConnection#close()}
   * (and may come from inside it).
   *
   * @param cause null if the stream ended cleanly, else what ended it
   */
  void onClosed(Throwable cause);
}
