/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

/**
 * Where the transport delivers what peers send: implemented by the runtime that owns the membership
 * loop.
 *
 * <p>Threading: called on Jetty threads (server or client), possibly concurrently, and, for an
 * in-memory peer, on the thread of the node that sent the request. Implementations must not block
 * and must not call back into the transport synchronously in a way that waits; they should only
 * enqueue the event for the loop thread and return.
 */
public interface TransportSink {
  /**
   * Receives one packet: the payload of one frame of a {@code /message} request body. A body with
   * several frames gives several calls, in order, with the same remote address and timestamp.
   *
   * @param payload the packet bytes, owned by the receiver from now on, never null (may be empty)
   * @param remoteAddr the HTTP connection's peer address as {@code ip:port} ({@code [ip]:port} for
   *     IPv6), or {@code "unknown"}; it is the peer's ephemeral client port, not its advertised
   *     address, so it must not identify a node
   * @param receivedNanos the transport's nano clock when the request passed validation
   */
  void onPacket(byte[] payload, String remoteAddr, long receivedNanos);

  /**
   * Receives a stream a peer opened on {@code /stream}, after the 200 response headers were
   * flushed to the peer.
   *
   * @param connection the accepted stream, already usable for writes
   * @return the listener for the stream's data and end, not null
   */
  StreamListener onStream(StreamConnection connection);

  /**
   * Returns how many received packets wait unprocessed in the runtime, for the {@code
   * cluster_transport_rx_packet_queue_length} gauge. Called from metric scrapes on any thread.
   *
   * @return the current length of the runtime's packet inbox, or 0 if it does not know
   */
  default int queuedPackets() {
    return 0;
  }
}
