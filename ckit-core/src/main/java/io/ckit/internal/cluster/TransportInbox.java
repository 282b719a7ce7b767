/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.log.NodeLog;
import org.slf4j.event.Level;
import io.ckit.NodeStoppedException;
import io.ckit.internal.swim.InboundPacket;
import io.ckit.internal.swim.SwimEngine;
import io.ckit.internal.transport.StreamConnection;
import io.ckit.internal.transport.StreamListener;
import io.ckit.internal.transport.TransportSink;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where the transport delivers what peers send ({@link TransportSink}): packets go to the bounded
 * {@link PacketInbox}, accepted streams become {@link AcceptedStream}s whose first complete message
 * is posted to the {@link MembershipLoop}.
 *
 * <p>Bounds: at most {@value #MAX_OPEN_STREAMS} accepted streams are open at once (memberlist's
 * {@code maxPushPullRequests}); a stream beyond that is closed at once and counted. A stream's
 * slot is released when its task ran, or when it ended without one. An accepted stream whose first
 * message is not complete within the stream timeout is expired by the loop ({@link #sweep}), as
 * Go's {@code handleConn} deadline does.
 *
 * <p>Thread-safe: {@link #onPacket} and {@link #onStream} run on Jetty threads; {@link #sweep} and
 * the posted tasks on the loop.
 */
final class TransportInbox implements TransportSink {

  /** memberlist's {@code maxPushPullRequests}. */
  static final int MAX_OPEN_STREAMS = 128;

  private final PacketInbox packets;
  private final MembershipLoop loop;
  private final Supplier<SwimEngine> engine;
  private final String label;
  private final int maxMessageBytes;
  private final long streamTimeoutNanos;
  private final LongSupplier clock;
  private final NodeLog log;
  private final Set<AcceptedStream> pending = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final LongAdder rejectedStreams = new LongAdder();

  TransportInbox(
      PacketInbox packets,
      MembershipLoop loop,
      Supplier<SwimEngine> engine,
      String label,
      int maxMessageBytes,
      long streamTimeoutNanos,
      LongSupplier clock,
      NodeLog log) {
    this.packets = packets;
    this.loop = loop;
    this.engine = engine;
    this.label = label;
    this.maxMessageBytes = maxMessageBytes;
    this.streamTimeoutNanos = streamTimeoutNanos;
    this.clock = clock;
    this.log = log;
  }

  @Override
  public void onPacket(byte[] payload, String remoteAddr, long receivedNanos) {
    packets.offer(new InboundPacket(remoteAddr, payload));
    loop.wake();
  }

  @Override
  public StreamListener onStream(StreamConnection connection) {
    if (open.incrementAndGet() > MAX_OPEN_STREAMS) {
      open.decrementAndGet();
      rejectedStreams.increment();
      log.remote(Level.ERROR, "too-many-streams", "Too many pending push/pull requests; closing stream from {}",
          connection.remoteAddress());
      connection.close();
      return IGNORE;
    }
    AcceptedStream stream =
        new AcceptedStream(this, connection, clock.getAsLong() + streamTimeoutNanos);
    pending.add(stream);
    loop.wake(); // the loop's next deadline may now be this stream's
    return stream;
  }

  @Override
  public int queuedPackets() {
    return packets.size();
  }

  /** Returns how many accepted streams are open (awaiting a message or a task). */
  int openStreams() {
    return open.get();
  }

  /** Returns how many streams were closed at once because too many were open. */
  long rejectedStreams() {
    return rejectedStreams.sum();
  }

  String label() {
    return label;
  }

  int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** Returns the engine; only for tasks running on the loop. */
  SwimEngine engine() {
    return engine.get();
  }

  /** Posts a stream's task; its slot is released after it ran or was abandoned. */
  void post(MembershipLoop.Task task, AcceptedStream stream) {
    loop.post(
        new MembershipLoop.Task() {
          @Override
          public void run(long nowNanos) {
            try {
              task.run(nowNanos);
            } finally {
              release(stream);
            }
          }

          @Override
          public void abandon(NodeStoppedException cause) {
            stream.close();
            release(stream);
          }
        });
  }

  void unpend(AcceptedStream stream) {
    pending.remove(stream);
  }

  void release(AcceptedStream stream) {
    open.decrementAndGet();
  }

  /**
   * Expires the accepted streams whose first message is overdue; runs on the loop.
   *
   * @return the earliest deadline of the streams still waiting, or {@link Long#MAX_VALUE}
   */
  long sweep(long nowNanos) {
    if (pending.isEmpty()) {
      return Long.MAX_VALUE; // the usual case: no copy to make
    }
    long next = Long.MAX_VALUE;
    for (AcceptedStream stream : List.copyOf(pending)) {
      if (stream.deadline() - nowNanos <= 0) {
        stream.expire(nowNanos);
      } else {
        next = Math.min(next, stream.deadline());
      }
    }
    return next;
  }

  /** Closes every stream still waiting for its first message (shutdown). */
  void abortPending() {
    for (AcceptedStream stream : List.copyOf(pending)) {
      stream.abort();
    }
  }

  private static final StreamListener IGNORE =
      new StreamListener() {
        @Override
        public void onData(byte[] chunk) {}

        @Override
        public void onClosed(Throwable cause) {}
      };
}
