/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.transport.StreamConnection;
import io.ckit.internal.transport.StreamListener;
import io.ckit.internal.wire.StreamMessage;
import io.ckit.internal.wire.StreamMessageReader;
import io.ckit.internal.wire.WireFormatException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One stream this node dialed for the engine (memberlist's {@code sendAndReceiveState} on the
 * wire): once the peer's response headers arrive, each write goes out as one frame and our side
 * ends; the reply is cut out of the incoming bytes with a {@link StreamMessageReader}; then the
 * stream is closed.
 *
 * <p>Threads: created on the loop; {@link #connected} runs on the Jetty thread completing the dial
 * (or on the loop if it failed at once), the listener methods on Jetty threads. The outcome (reply
 * or failure) is reported to the loop at most once, as a posted task.
 */
final class DialedExchange implements StreamListener {
  /** Receives the outcome of a dial; called at most once, on any thread. */
  interface Outcome {
    void reply(long streamId, StreamMessage reply);

    void failed(long streamId, String reason);
  }

  private final long streamId;
  private final List<byte[]> writes;
  private final Outcome outcome;
  private final StreamMessageReader reader;
  private final AtomicBoolean reported = new AtomicBoolean();
  private volatile StreamConnection connection;

  DialedExchange(long streamId, List<byte[]> writes, int maxMessageBytes, Outcome outcome) {
    this.streamId = streamId;
    this.writes = writes;
    this.outcome = outcome;
    this.reader = new StreamMessageReader(false, maxMessageBytes);
  }

  /** Called when the dial completed, successfully or not. */
  void connected(StreamConnection established, Throwable error) {
    if (error != null) {
      fail(describe(error));
      return;
    }
    connection = established;
    if (reported.get()) {
      established.close(); // the listener already ended it
      return;
    }
    // The request's last frame ends our side, so that a Go server's handler returns into a
    // half-closed stream and ends it with END_STREAM, not RST_STREAM(NO_ERROR), which could cost us
    // its reply (see StreamConnection.shutdownOutput).
    for (int i = 0; i < writes.size(); i++) {
      byte[] write = writes.get(i);
      boolean queued =
          i == writes.size() - 1 ? established.writeLast(write) : established.write(write);
      if (!queued) {
        fail("stream closed before the request was written");
        established.close();
        return;
      }
    }
  }

  @Override
  public void onData(byte[] chunk) {
    if (reported.get()) {
      return;
    }
    StreamMessage reply;
    try {
      reader.feed(chunk, 0, chunk.length);
      reply = reader.poll();
    } catch (WireFormatException e) {
      fail(e.getMessage());
      closeConnection();
      return;
    }
    if (reply != null && reported.compareAndSet(false, true)) {
      outcome.reply(streamId, reply);
      closeConnection();
    }
  }

  @Override
  public void onClosed(Throwable cause) {
    fail(cause == null ? "EOF" : describe(cause));
  }

  private void fail(String reason) {
    if (reported.compareAndSet(false, true)) {
      outcome.failed(streamId, reason);
    }
  }

  private void closeConnection() {
    StreamConnection established = connection;
    if (established != null) {
      established.close();
    }
  }

  static String describe(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof TimeoutException) {
      return "i/o timeout";
    }
    String message = cause.getMessage();
    return message == null || message.isEmpty() ? cause.getClass().getSimpleName() : message;
  }
}
