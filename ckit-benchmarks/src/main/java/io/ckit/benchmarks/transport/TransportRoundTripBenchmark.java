/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.transport;

import io.ckit.internal.transport.GossipTransport;
import io.ckit.internal.transport.StreamConnection;
import io.ckit.internal.transport.StreamListener;
import io.ckit.internal.transport.TestNode;
import io.ckit.internal.transport.TransportSink;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Round trips through one node's own transport (its client calling its own server), over loopback
 * h2c or Jetty's in-memory connector.
 *
 * <ul>
 *   <li>{@code packetRoundTrip}: a probe and its ack as memberlist does them: {@code sendPacket} a
 *       ping; the sink answers with {@code sendPacket} of an ack; the benchmark thread waits for
 *       the ack. Two {@code POST /message} requests per operation, each through the drop-oldest
 *       queue and the async sender.
 *   <li>{@code streamRoundTrip}: on one open {@code /stream}, write one frame of {@code size}
 *       bytes; the accepting side echoes it; wait until all of it is back.
 * </ul>
 *
 * <p>The benchmark thread blocks on a queue to wait for the reply; that is the benchmark's own
 * thread, never a Jetty thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TransportRoundTripBenchmark {
  private static final byte[] PING = {0};
  private static final byte[] ACK = {2};

  /** How the node reaches itself. */
  @Param({"H2C", "MEMORY"})
  public String mode;

  private TestNode node;
  private StreamConnection stream;
  private final BlockingQueue<byte[]> acks = new LinkedBlockingQueue<>();
  private final BlockingQueue<byte[]> echoes = new LinkedBlockingQueue<>();

  /** Starts the node and opens the stream. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Sink sink = new Sink();
    node = TestNode.start(TestNode.Mode.valueOf(mode), sink);
    sink.transport = node.transport;
    stream =
        node.transport
            .openStream(node.address, Duration.ZERO, new Collector(echoes))
            .get(30, TimeUnit.SECONDS);
  }

  /** The stream frame, sized by its own parameter so only the stream benchmark varies it. */
  @State(Scope.Thread)
  public static class Frame {
    /** Stream frame payload size in bytes. */
    @Param({"64", "16384"})
    public int size;

    byte[] bytes;

    /** Allocates the frame. */
    @Setup
    public void setUp() {
      bytes = new byte[size];
    }
  }

  /** Stops the node. */
  @TearDown(Level.Trial)
  public void tearDown() {
    stream.close();
    node.close();
  }

  /** One ping/ack exchange over {@code /message}. */
  @Benchmark
  public byte[] packetRoundTrip() throws InterruptedException {
    node.transport.sendPacket(node.address, PING);
    return take(acks);
  }

  /** One frame out and its echo back on an open {@code /stream}. */
  @Benchmark
  public int streamRoundTrip(Frame frame) throws InterruptedException {
    stream.write(frame.bytes);
    int got = 0;
    while (got < frame.size) {
      got += take(echoes).length;
    }
    return got;
  }

  private static byte[] take(BlockingQueue<byte[]> queue) throws InterruptedException {
    byte[] item = queue.poll(30, TimeUnit.SECONDS);
    if (item == null) {
      throw new IllegalStateException("no reply within 30 s");
    }
    return item;
  }

  /** Answers pings with acks; echoes stream data. */
  private final class Sink implements TransportSink {
    volatile GossipTransport transport;

    @Override
    public void onPacket(byte[] payload, String remoteAddr, long receivedNanos) {
      if (payload.length == 1 && payload[0] == PING[0]) {
        transport.sendPacket(node.address, ACK);
      } else {
        acks.add(payload);
      }
    }

    @Override
    public StreamListener onStream(StreamConnection connection) {
      return new StreamListener() {
        @Override
        public void onData(byte[] chunk) {
          connection.write(chunk);
        }

        @Override
        public void onClosed(Throwable cause) {}
      };
    }
  }

  /** Queues whatever arrives on the dialed stream. */
  private record Collector(BlockingQueue<byte[]> into) implements StreamListener {
    @Override
    public void onData(byte[] chunk) {
      into.add(chunk);
    }

    @Override
    public void onClosed(Throwable cause) {}
  }
}
