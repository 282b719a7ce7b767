/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.swim.Network;
import io.ckit.internal.swim.SwimEngine;
import io.ckit.internal.transport.GossipTransport;
import io.ckit.internal.wire.StreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine's {@link Network} over the gossiphttp transport: a packet is queued on the transport
 * (one frame in a {@code /message} POST, sent on Jetty's threads), a stream dial opens a {@code
 * /stream} exchange ({@link DialedExchange}) whose outcome comes back to the loop as a task.
 *
 * <p>Called only on the membership loop; never blocks.
 */
final class HttpNetwork implements Network, DialedExchange.Outcome {
  private final GossipTransport transport;
  private final MembershipLoop loop;
  private final Supplier<SwimEngine> engine;
  private final int maxMessageBytes;

  HttpNetwork(
      GossipTransport transport,
      MembershipLoop loop,
      Supplier<SwimEngine> engine,
      int maxMessageBytes) {
    this.transport = transport;
    this.loop = loop;
    this.engine = engine;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public void sendPacket(String address, byte[] packet) {
    transport.sendPacket(address, packet);
  }

  @Override
  public void dialStream(String address, List<byte[]> writes, long timeoutNanos, long streamId) {
    DialedExchange exchange = new DialedExchange(streamId, writes, maxMessageBytes, this);
    transport
        .openStream(address, Duration.ofNanos(timeoutNanos), exchange)
        .whenComplete(exchange::connected);
  }

  @Override
  public void reply(long streamId, StreamMessage reply) {
    loop.post(now -> engine.get().onStreamReply(streamId, reply, now));
  }

  @Override
  public void failed(long streamId, String reason) {
    loop.post(now -> engine.get().onStreamFailed(streamId, reason, now));
  }
}
