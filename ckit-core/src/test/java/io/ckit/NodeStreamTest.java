/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.transport.GossipTransport;
import io.ckit.internal.transport.StreamListener;
import io.ckit.internal.transport.StreamConnection;
import io.ckit.internal.transport.TransportConfig;
import io.ckit.internal.transport.TransportSink;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.ErrResp;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.StreamMessage;
import io.ckit.internal.wire.StreamMessageReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Streams another node opens that the node cannot read: answered with an error message exactly
 * where memberlist's {@code handleConn} answers one (a bad compressed message, a stream silent
 * after its label), closed without an answer otherwise (a bad label, a malformed push/pull, no
 * bytes at all), and expired after the stream timeout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeStreamTest {
  private TestCluster cluster;
  private Node node;
  private HttpClient client;
  private GossipTransport dialer;

  @BeforeEach
  void start() throws Exception {
    cluster = new TestCluster(TestCluster.Mode.H2C);
    node = cluster.node("node-a", b -> b.streamTimeout(Duration.ofMillis(300)));
    node.start(List.of());
    client = Http2.newClient();
    client.start();
    dialer = new GossipTransport(TransportConfig.builder().build(), client, NO_SINK);
    dialer.start();
  }

  @AfterEach
  void stop() throws Exception {
    dialer.stop();
    client.stop();
    cluster.close();
  }

  @Test
  void shouldAnswerAMalformedCompressedMessageWithAnError() throws Exception {
    Exchange exchange = dial(bytes(0x09, 0xC1));
    ErrResp error = exchange.error();
    assertTrue(error.error().contains("invalid msgpack byte 0xc1"), error.error());
  }

  @Test
  void shouldCloseAMalformedPushPullWithoutAnswer() throws Exception {
    dial(bytes(0x06, 0xC1)).assertClosedWithoutReply();
  }

  @Test
  void shouldCloseAStreamWithAnotherLabelWithoutAnswer() throws Exception {
    dial(bytes(0xF4, 3, 'f', 'o', 'o', 0x09, 0xC1)).assertClosedWithoutReply();
  }

  @Test
  void shouldExpireASilentStreamWithoutAnswer() throws Exception {
    dial(new byte[0]).assertClosedWithoutReply();
  }

  @Test
  void shouldExpireAnIncompleteCompressedMessageWithAnError() throws Exception {
    assertEquals("i/o timeout", dial(bytes(0x09)).error().error());
  }

  @Test
  void shouldServeAStreamPing() throws Exception {
    byte[] ping = Codec.encode(new io.ckit.internal.wire.Ping(7, "node-a", null, 0, ""));
    Message reply = dial(ping).reply();
    assertInstanceOf(io.ckit.internal.wire.AckResp.class, reply);
  }

  @Test
  void shouldAnswerADialerThatEndedItsSideAfterItsMessage() throws Exception {
    byte[] ping = Codec.encode(new io.ckit.internal.wire.Ping(8, "node-a", null, 0, ""));
    Exchange exchange = dialAndEnd(ping);
    assertInstanceOf(io.ckit.internal.wire.AckResp.class, exchange.reply());
    assertNull(exchange.closed.get(10, TimeUnit.SECONDS), "both sides ended cleanly");
  }

  @Test
  void shouldCloseADialerThatEndedItsSideInsideAMessageWithoutAnswer() throws Exception {
    // Go's handleConn reads EOF and answers nothing; a timeout would have answered "i/o timeout".
    dialAndEnd(bytes(0x09)).assertClosedWithoutReply();
  }

  private Exchange dialAndEnd(byte[] request) throws Exception {
    Exchange exchange = new Exchange();
    StreamConnection connection = open(exchange);
    connection.write(request);
    connection.shutdownOutput();
    return exchange;
  }

  private Exchange dial(byte[] request) throws Exception {
    Exchange exchange = new Exchange();
    StreamConnection connection = open(exchange);
    if (request.length > 0) {
      connection.write(request);
    }
    return exchange;
  }

  private StreamConnection open(Exchange exchange) throws Exception {
    return dialer
        .openStream(TestCluster.address(node), Duration.ofSeconds(10), exchange)
        .get(10, TimeUnit.SECONDS);
  }

  /** The dialer's side of one stream. */
  private static final class Exchange implements StreamListener {
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    private final StreamMessageReader reader = new StreamMessageReader(false, 1 << 20);

    @Override
    public void onData(byte[] chunk) {
      chunks.add(chunk);
    }

    @Override
    public void onClosed(Throwable cause) {
      closed.complete(cause);
    }

    Message reply() throws Exception {
      while (true) {
        byte[] chunk = chunks.poll(10, TimeUnit.SECONDS);
        assertNotNull(chunk, "no reply");
        reader.feed(chunk, 0, chunk.length);
        StreamMessage message = reader.poll();
        if (message != null) {
          byte[] bytes = message.uncompressed();
          return Codec.decode(bytes, 0, bytes.length);
        }
      }
    }

    ErrResp error() throws Exception {
      return assertInstanceOf(ErrResp.class, reply());
    }

    void assertClosedWithoutReply() throws Exception {
      closed.get(10, TimeUnit.SECONDS);
      assertNull(chunks.poll(), "an answer was written");
    }
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static final TransportSink NO_SINK =
      new TransportSink() {
        @Override
        public void onPacket(byte[] payload, String remoteAddr, long receivedNanos) {}

        @Override
        public StreamListener onStream(StreamConnection connection) {
          connection.close();
          return new StreamListener() {
            @Override
            public void onData(byte[] chunk) {}

            @Override
            public void onClosed(Throwable cause) {}
          };
        }
      };
}
