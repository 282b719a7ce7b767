/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.swim.StreamReplier;
import io.ckit.internal.transport.StreamConnection;
import io.ckit.internal.transport.StreamListener;
import io.ckit.internal.wire.StreamMessage;
import io.ckit.internal.wire.StreamMessageReader;
import io.ckit.internal.wire.WireFormatException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One stream another node opened to this one (memberlist's {@code handleConn} side), from accept
 * to close.
 *
 * <p>Threads: {@link #onData} and {@link #onClosed} run on Jetty threads (serialized per stream)
 * and cut the first message out of the byte stream with a {@link StreamMessageReader} there, so the
 * loop only ever sees complete messages. The first outcome to {@link #claim()} the stream wins: a
 * complete message or an unreadable stream is posted to the loop as one task; the end of the
 * stream, or the loop's timeout ({@link #expire}), closes it. A dialer may end its side after its
 * message and still be answered. The {@link StreamReplier} methods
 * run on the loop and only queue writes.
 */
final class AcceptedStream implements StreamListener, StreamReplier {
  private final TransportInbox owner;
  private final StreamConnection connection;
  private final String from;
  private final StreamMessageReader reader;
  private final StreamHead head;
  private final long deadline;
  private final AtomicBoolean claimed = new AtomicBoolean();

  AcceptedStream(TransportInbox owner, StreamConnection connection, long deadlineNanos) {
    this.owner = owner;
    this.connection = connection;
    this.from = connection.remoteAddress();
    this.reader = new StreamMessageReader(true, owner.maxMessageBytes());
    this.head = new StreamHead(owner.label());
    this.deadline = deadlineNanos;
  }

  long deadline() {
    return deadline;
  }

  boolean isClaimed() {
    return claimed.get();
  }

  @Override
  public void onData(byte[] chunk) {
    if (claimed.get()) {
      return; // the engine reads only the first message
    }
    head.feed(chunk);
    StreamMessage message;
    try {
      reader.feed(chunk, 0, chunk.length);
      message = reader.poll();
    } catch (WireFormatException e) {
      if (claim()) {
        unreadable(e.getMessage());
      }
      return;
    }
    if (message != null && claim()) {
      owner.post(now -> owner.engine().onStream(from, message, this, now), this);
    }
  }

  /**
   * The dialer ended its side. One that shut its output down after a complete message (as Java
   * dialers do) still waits for the answer, which the loop writes; one that ended before a complete
   * message gets none (Go: EOF).
   */
  @Override
  public void onInputEnded(StreamConnection stream) {
    abort();
  }

  @Override
  public void onClosed(Throwable cause) {
    // Ended before a complete message (Go: EOF, or a reset): nothing can be answered.
    abort();
  }

  /** Times the stream out (Go's {@code TCPTimeout} deadline); runs on the loop. */
  void expire(long nowNanos) {
    if (!claim()) {
      return;
    }
    if (head.goRepliesWithError()) {
      owner.engine().onStreamUnreadable(from, "i/o timeout", this, nowNanos);
    } else {
      connection.close();
    }
    owner.release(this);
  }

  /** Closes the stream without an answer, unless an outcome already claimed it. */
  void abort() {
    if (claim()) {
      connection.close();
      owner.release(this);
    }
  }

  private void unreadable(String error) {
    if (head.goRepliesWithError()) {
      owner.post(now -> owner.engine().onStreamUnreadable(from, error, this, now), this);
    } else {
      connection.close();
      owner.release(this);
    }
  }

  /** Takes the stream out of the pending set; true for the first caller only. */
  private boolean claim() {
    if (!claimed.compareAndSet(false, true)) {
      return false;
    }
    owner.unpend(this);
    return true;
  }

  @Override
  public void reply(byte[] message) {
    connection.write(message);
  }

  @Override
  public void close() {
    connection.close();
  }
}
