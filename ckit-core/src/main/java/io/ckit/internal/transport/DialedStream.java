/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.AsyncRequestContent;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;

/**
 * A stream this node dialed: one {@code POST /stream} whose request body carries our frames (Jetty
 * {@link AsyncRequestContent}) and whose response body carries the peer's, read with demand.
 *
 * <p>Established when the response headers arrive. The request's total timeout bounds the whole
 * stream, as Go's request context does. A clean end is: the peer ends the response, we end the
 * request body; or we end the request body and the peer ends the response.
 */
final class DialedStream extends FramedStream {
  private final AsyncRequestContent content = new AsyncRequestContent(GossipTransport.CONTENT_TYPE);
  private final CompletableFuture<StreamConnection> established = new CompletableFuture<>();
  private final Request request;
  private volatile boolean responseEnded;

  private DialedStream(GossipTransport transport, String addr, StreamListener listener) {
    super(transport, addr);
    attach(listener);
    this.request = transport.newRequest(addr, GossipTransport.STREAM_PATH).body(content);
  }

  static CompletableFuture<StreamConnection> open(
      GossipTransport transport, String addr, Duration timeout, StreamListener listener) {
    DialedStream stream = new DialedStream(transport, addr, listener);
    stream.send(timeout);
    return stream.established;
  }

  private void send(Duration timeout) {
    if (!timeout.isZero() && !timeout.isNegative()) {
      request.timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }
    request
        .onResponseHeaders(this::onHeaders)
        .onResponseContentSource(this::onContentSource)
        .send(this::onComplete);
  }

  private void onHeaders(Response response) {
    int status = response.getStatus();
    if (status != HttpStatus.OK_200) {
      // Go's dialer ignores the status; a rejected stream can only end in EOF there.
      request.abort(
          new TransportException(
              "peer " + remoteAddress() + " answered /stream with HTTP status " + status));
      return;
    }
    transport().streamStarted(this);
    established.complete(this);
  }

  private void onContentSource(Response response, Content.Source source) {
    readLoop(source);
  }

  private void readLoop(Content.Source source) {
    while (true) {
      Content.Chunk chunk = source.read();
      if (chunk == null) {
        source.demand(() -> readLoop(source));
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        fail(chunk.getFailure());
        return;
      }
      try {
        received(chunk.getByteBuffer());
      } finally {
        chunk.release();
      }
      if (chunk.isLast()) {
        responseEnded = true;
        receivedEnd();
        return;
      }
    }
  }

  private void onComplete(Result result) {
    if (!established.isDone()) {
      Throwable failure = result.getFailure();
      established.completeExceptionally(
          failure != null
              ? failure
              : new TransportException("stream to " + remoteAddress() + " ended before it opened"));
      return;
    }
    Throwable failure = result.getResponseFailure();
    if (failure == null && !responseEnded) {
      failure = result.getRequestFailure();
    }
    if (failure != null) {
      fail(failure);
    } else {
      finish(null);
    }
  }

  @Override
  void writeFrame(ByteBuffer frame, boolean last, Callback done) {
    content.write(last, frame, done);
  }

  @Override
  void endOutput(Callback done) {
    content.close();
    done.succeeded();
  }

  @Override
  void abortExchange(Throwable cause) {
    request.abort(cause);
  }
}
