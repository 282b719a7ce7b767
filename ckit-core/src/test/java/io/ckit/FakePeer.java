/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import io.ckit.internal.transport.Frames;
import io.ckit.internal.transport.GossipTransport;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.PushNodeState;
import io.ckit.internal.wire.PushPull;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A misbehaving gossip peer on its own loopback address: it answers packets with 200 and drops
 * them, and answers {@code /stream} by stalling (headers never sent, the stream held open) or by
 * dripping a valid push/pull reply one byte at a time. Thread-safe; {@link #close()} stops it.
 */
final class FakePeer implements AutoCloseable {
  /** How {@code /stream} requests are answered. */
  enum Mode {
    /** Never answer: no headers, no body; the stream stays open until the dialer gives up. */
    STALL,
    /** Answer 200 and write a valid push/pull reply one byte per {@code byteDelay}. */
    DRIP
  }

  private final Server server = new Server();
  private final ServerConnector connector;
  private final String ip;
  private volatile Mode mode = Mode.STALL;
  private volatile Duration byteDelay = Duration.ofMillis(100);
  private final AtomicInteger streams = new AtomicInteger();

  FakePeer(String ip) {
    this.ip = ip;
    connector = new ServerConnector(server, 0, 1);
    connector.setHost(ip);
    Http2.enable(connector);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract.NonBlocking() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            if (Request.getPathInContext(request).endsWith("/stream")) {
              streams.incrementAndGet();
              if (mode == Mode.DRIP) {
                response.setStatus(HttpStatus.OK_200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, GossipTransport.CONTENT_TYPE);
                drip(Frames.encode(reply()), 0, response, callback);
              }
              return true; // STALL: the callback is never completed; Jetty aborts it at stop
            }
            response.setStatus(HttpStatus.OK_200);
            callback.succeeded();
            return true;
          }
        });
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the fake peer on " + ip, e);
    }
  }

  private void drip(byte[] bytes, int at, Response response, Callback done) {
    boolean last = at == bytes.length - 1;
    Callback next =
        Callback.from(
            () -> {
              if (!last) {
                server.getScheduler().schedule(
                    () -> drip(bytes, at + 1, response, done),
                    byteDelay.toNanos(), TimeUnit.NANOSECONDS);
              } else {
                done.succeeded();
              }
            },
            done::failed);
    response.write(last, ByteBuffer.wrap(bytes, at, 1), next);
  }

  /** A push/pull reply listing only this fake peer, alive. */
  private byte[] reply() {
    byte[] addr = new byte[4];
    String[] octets = ip.split("\\.");
    for (int i = 0; i < 4; i++) {
      addr[i] = (byte) Integer.parseInt(octets[i]);
    }
    PushNodeState self =
        new PushNodeState(
            "fake", addr, port(), null, 1, NodeStateType.ALIVE, Codec.CKIT_VSN.clone());
    return Codec.encodePushPull(new PushPull(false, List.of(self), null));
  }

  void mode(Mode value) {
    this.mode = value;
  }

  void byteDelay(Duration value) {
    this.byteDelay = value;
  }

  int port() {
    return connector.getLocalPort();
  }

  String address() {
    return ip + ":" + port();
  }

  /** Returns how many streams were opened to this peer. */
  int streams() {
    return streams.get();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
