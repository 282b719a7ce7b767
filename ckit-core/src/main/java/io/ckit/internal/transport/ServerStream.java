/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A stream a peer opened, served by the Jetty core handler: 200 headers are committed and flushed
 * first, then the sink is told, then the request body is read with demand while our frames go out
 * as response writes.
 *
 * <p>The handler's callback is completed only when both sides ended (then cleanly) or the stream
 * failed (then it resets the HTTP/2 stream). A peer that resets its side (Go dialers always do)
 * shows up as a failed read.
 */
final class ServerStream extends FramedStream {
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final AtomicBoolean completed = new AtomicBoolean();

  ServerStream(
      GossipTransport transport,
      String remote,
      Request request,
      Response response,
      Callback callback) {
    super(transport, remote);
    this.request = request;
    this.response = response;
    this.callback = callback;
  }

  void accept() {
    response.setStatus(HttpStatus.OK_200);
    response.write(
        false,
        null,
        Callback.from(
            org.eclipse.jetty.util.thread.Invocable.InvocationType.NON_BLOCKING,
            this::committed,
            this::commitFailed));
  }

  private void committed() {
    if (!transport().isRunning()) {
      commitFailed(GossipTransport.stopped());
      return;
    }
    // The listener is attached before the stream can finish, so onClosed always has a target.
    runSerially(() -> attach(transport().sink().onStream(this)));
    transport().streamStarted(this);
    readLoop();
  }

  private void commitFailed(Throwable cause) {
    if (completed.compareAndSet(false, true)) {
      callback.failed(cause);
    }
  }

  private void readLoop() {
    while (true) {
      if (isFinished()) {
        return;
      }
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this::readLoop);
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
        receivedEnd();
        return;
      }
    }
  }

  @Override
  void writeFrame(ByteBuffer frame, boolean last, Callback done) {
    response.write(last, frame, done);
  }

  @Override
  void endOutput(Callback done) {
    response.write(true, null, done);
  }

  @Override
  void bothEnded() {
    if (completed.compareAndSet(false, true)) {
      callback.succeeded();
    }
    finish(null);
  }

  @Override
  void abortExchange(Throwable cause) {
    if (completed.compareAndSet(false, true)) {
      callback.failed(cause);
    }
  }
}
