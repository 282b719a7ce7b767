/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import io.ckit.internal.wire.WireFormatException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;

/**
 * The gossiphttp endpoints as a Servlet (Jakarta Servlet 6), for embedders that serve ckit from a
 * Servlet container. Map it at {@code /api/v1/ckit/transport/*} (or at {@code /*} in a context at
 * {@code /api/v1/ckit/transport}) with async support enabled; other paths get 404.
 *
 * <p>Uses Servlet async I/O ({@code ReadListener}/{@code WriteListener}), so no container thread is
 * held while a body is read or a stream is open; {@code service} only validates and returns. Status
 * rules are Go's, as in {@link GossipTransport#handler()}. The container must serve HTTP/2 (h2c or
 * TLS with ALPN h2); HTTP/1.x gets 505.
 */
public final class GossipServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Not serialized: a servlet holding a live transport is not meant to be serialized. */
  @SuppressWarnings("serial")
  private final transient GossipTransport transport;

  /**
   * Creates the servlet.
   *
   * @param transport the transport whose endpoints this serves
   */
  public GossipServlet(GossipTransport transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
    boolean message = GossipHandler.isMessagePath(path);
    if (!message && !GossipHandler.isStreamPath(path)) {
      resp.setStatus(HttpStatus.NOT_FOUND_404);
      return;
    }
    int status =
        transport.rejection(
            HttpVersion.fromString(req.getProtocol()), req.getHeader("Content-Type"));
    if (status != 0) {
      resp.setStatus(status);
      return;
    }
    String remote = formatRemote(req.getRemoteAddr(), req.getRemotePort());
    AsyncContext async = req.startAsync();
    async.setTimeout(0); // the stream or body lives as long as HTTP/2 lets it
    if (message) {
      req.getInputStream().setReadListener(new MessageListener(req, resp, async, remote));
    } else {
      resp.setStatus(HttpStatus.OK_200);
      ServletStream stream = new ServletStream(transport, remote, req, resp, async);
      resp.getOutputStream().setWriteListener(stream);
    }
  }

  private static String formatRemote(String addr, int port) {
    if (addr == null || addr.isEmpty()) {
      return "unknown";
    }
    return addr.indexOf(':') >= 0 && !addr.startsWith("[")
        ? "[" + addr + "]:" + port
        : addr + ":" + port;
  }

  /** Reads a {@code /message} body without blocking, one frame per packet. */
  private final class MessageListener implements ReadListener {
    private final ServletInputStream in;
    private final HttpServletResponse resp;
    private final AsyncContext async;
    private final String remote;
    private final long receivedNanos;
    private final FrameDecoder decoder = new FrameDecoder(transport.config().maxFrameBytes());
    private final byte[] buffer = new byte[16 * 1024];
    private boolean done;

    MessageListener(
        HttpServletRequest req, HttpServletResponse resp, AsyncContext async, String remote)
        throws IOException {
      this.in = req.getInputStream();
      this.resp = resp;
      this.async = async;
      this.remote = remote;
      this.receivedNanos = transport.now();
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (!done && in.isReady()) {
        int n = in.read(buffer);
        if (n < 0) {
          return; // onAllDataRead follows
        }
        try {
          decoder.feed(ByteBuffer.wrap(buffer, 0, n), this::deliver);
        } catch (WireFormatException e) {
          malformed();
          return;
        }
      }
    }

    @Override
    public void onAllDataRead() {
      if (done) {
        return;
      }
      try {
        decoder.finish();
      } catch (WireFormatException e) {
        malformed();
        return;
      }
      done = true;
      resp.setStatus(HttpStatus.OK_200);
      async.complete();
    }

    @Override
    public void onError(Throwable t) {
      if (!done) {
        done = true;
        async.complete();
      }
    }

    private void malformed() {
      done = true;
      transport.metrics().frameError();
      transport.metrics().reject(TransportMetrics.Rejection.MALFORMED_FRAME);
      resp.setStatus(HttpStatus.BAD_REQUEST_400);
      async.complete();
    }

    private void deliver(byte[] payload) {
      transport.metrics().packetRx(payload.length);
      transport.sink().onPacket(payload, remote, receivedNanos);
    }
  }
}
