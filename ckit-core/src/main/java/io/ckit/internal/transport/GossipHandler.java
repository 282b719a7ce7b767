/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import io.ckit.internal.wire.WireFormatException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The gossiphttp endpoints as a Jetty core handler. Serves {@code /api/v1/ckit/transport/message}
 * and {@code /stream}, also in the stripped forms {@code /message} and {@code /stream} that a
 * {@code ContextHandler} or {@code PathMappingsHandler} mounted at the base route leaves; declines
 * every other path, so it can sit in a {@code Handler.Sequence}. Any HTTP method is served, as in
 * Go.
 *
 * <p>Non-blocking: {@code handle} only validates and starts asynchronous reads; no thread is held
 * while a body or stream is open. Note: under a bare {@code PathMappingsHandler} (without a {@code
 * ContextHandler}) Jetty's {@code Request.getPathInContext} throws; wrap it in a context.
 */
final class GossipHandler extends Handler.Abstract {
  private final GossipTransport transport;

  GossipHandler(GossipTransport transport) {
    super(InvocationType.NON_BLOCKING);
    this.transport = transport;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    boolean message = isMessagePath(path);
    if (!message && !isStreamPath(path)) {
      return false;
    }
    int status =
        transport.rejection(
            request.getConnectionMetaData().getHttpVersion(),
            request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    if (status != 0) {
      respond(response, status, callback);
      return true;
    }
    String remote =
        GossipTransport.formatAddress(request.getConnectionMetaData().getRemoteSocketAddress());
    if (message) {
      new MessageReader(request, response, callback, remote, transport.now()).run();
    } else {
      ServerStream stream = new ServerStream(transport, remote, request, response, callback);
      stream.accept();
    }
    return true;
  }

  /**
   * Commits {@code status} with an empty body. Writing the last (empty) content explicitly matters:
   * completing the callback with request content still unread would make Jetty answer 500
   * ("unconsumed content") instead, for example when a stream is rejected while its dialer keeps
   * the request body open.
   */
  private static void respond(Response response, int status, Callback callback) {
    response.setStatus(status);
    response.write(true, null, callback);
  }

  static boolean isMessagePath(String path) {
    return GossipTransport.MESSAGE_PATH.equals(path) || "/message".equals(path);
  }

  static boolean isStreamPath(String path) {
    return GossipTransport.STREAM_PATH.equals(path) || "/stream".equals(path);
  }

  /** Reads a {@code /message} body with demand, delivering each frame as a packet. */
  private final class MessageReader implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String remote;
    private final long receivedNanos;
    private final FrameDecoder decoder;

    MessageReader(
        Request request, Response response, Callback callback, String remote, long receivedNanos) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.remote = remote;
      this.receivedNanos = receivedNanos;
      this.decoder = new FrameDecoder(transport.config().maxFrameBytes());
    }

    @Override
    public void run() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          callback.failed(chunk.getFailure());
          return;
        }
        try {
          decoder.feed(chunk.getByteBuffer(), this::deliver);
          if (chunk.isLast()) {
            decoder.finish();
          }
        } catch (WireFormatException e) {
          transport.metrics().frameError();
          transport.metrics().reject(TransportMetrics.Rejection.MALFORMED_FRAME);
          respond(response, HttpStatus.BAD_REQUEST_400, callback);
          return;
        } finally {
          chunk.release();
        }
        if (chunk.isLast()) {
          respond(response, HttpStatus.OK_200, callback);
          return;
        }
      }
    }

    private void deliver(byte[] payload) {
      transport.metrics().packetRx(payload.length);
      transport.sink().onPacket(payload, remote, receivedNanos);
    }
  }
}
