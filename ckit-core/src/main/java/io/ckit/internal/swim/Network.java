/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import java.util.List;

/**
 * The engine's only way out: fire-and-forget packets and asynchronous stream dials. Implemented by
 * the production runtime (gossiphttp over Jetty: a packet is one frame in a POST to {@code
 * /api/v1/ckit/transport/message}, a stream is a POST to {@code /api/v1/ckit/transport/stream}) and
 * by the simulator.
 *
 * <p>Called only on the membership loop. Implementations must not block and must not call back into
 * the engine synchronously: results of a dial come back later as inputs ({@link
 * SwimEngine#onStreamReply}, {@link SwimEngine#onStreamFailed}).
 */
public interface Network {
  /**
   * Sends one memberlist packet. Delivery is best effort; failures are the runtime's to count.
   *
   * @param address the destination {@code ip:port} ({@code [ip]:port} for IPv6)
   * @param packet the complete packet (label header included if any); must not be mutated
   */
  void sendPacket(String address, byte[] packet);

  /**
   * Opens a stream, writes {@code writes} in order (each write is one gossiphttp frame), reads one
   * complete memberlist stream message back and closes the stream. The whole exchange must end
   * within {@code timeoutNanos} of the call (Go's dial context covers the stream's whole life).
   *
   * <p>The runtime reports the outcome at most once, as {@link SwimEngine#onStreamReply} with the
   * reply message bytes or {@link SwimEngine#onStreamFailed}. If it reports nothing, the engine
   * gives up on its own after {@code timeoutNanos} and ignores a later report.
   *
   * @param address the destination {@code ip:port}
   * @param writes the writes, in order; must not be mutated
   * @param timeoutNanos the end-to-end deadline, relative to now
   * @param streamId the engine's correlation id for the outcome
   */
  void dialStream(String address, List<byte[]> writes, long timeoutNanos, long streamId);
}
