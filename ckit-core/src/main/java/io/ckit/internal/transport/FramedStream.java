/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import io.ckit.internal.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.eclipse.jetty.util.Callback;

/**
 * The part of a stream that does not depend on which HTTP API carries it: the bounded outbound frame
 * queue with one write outstanding at a time, inbound frame decoding, graceful close, and the
 * exactly-once end. Subclasses adapt one HTTP exchange (Jetty core server, Servlet, Jetty client).
 *
 * <p>Threading: public methods may be called from any thread. One lock guards the state below; it is
 * never held while calling Jetty or the listener. Listener calls go through a {@link
 * SerialInvoker}, so they are serialized.
 */
abstract class FramedStream implements StreamConnection {
  private final GossipTransport transport;
  private final String remoteAddress;
  private final FrameDecoder decoder;
  private final SerialInvoker invoker;
  private final long backlogLimit;
  private final Object lock = new Object();

  private StreamListener listener; // written once before inbound data flows; read in the invoker
  private boolean closedDelivered; // accessed only by invoker tasks

  // Guarded by lock.
  private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
  private long backlogBytes;
  private boolean writing;
  private boolean closing;
  private boolean outputShut;
  private boolean outputEnded;
  private boolean outputComplete;
  private boolean inputEnded;
  private boolean finished;

  FramedStream(GossipTransport transport, String remoteAddress) {
    this.transport = transport;
    this.remoteAddress = remoteAddress;
    this.decoder = new FrameDecoder(transport.config().maxFrameBytes());
    this.invoker = new SerialInvoker(transport.log());
    this.backlogLimit = transport.config().streamBacklogBytes();
  }

  /**
   * Writes one encoded frame; completes {@code done} when the bytes were handed to HTTP/2. If
   * {@code last}, the frame also ends this side (END_STREAM), as {@link #endOutput} would after it.
   */
  abstract void writeFrame(ByteBuffer frame, boolean last, Callback done);

  /** Ends this side of the exchange (END_STREAM) after the last frame; completes {@code done}. */
  abstract void endOutput(Callback done);

  /**
   * Tears the exchange down (RST_STREAM). Called at most once, after the stream finished, never
   * under the lock.
   */
  abstract void abortExchange(Throwable cause);

  /** Called once when both directions ended cleanly; server streams then finish the exchange. */
  void bothEnded() {}

  final void attach(StreamListener streamListener) {
    this.listener = java.util.Objects.requireNonNull(streamListener, "stream listener");
  }

  /** Runs {@code task} in this stream's listener order (used to obtain the listener itself). */
  final void runSerially(Runnable task) {
    invoker.run(task);
  }

  final GossipTransport transport() {
    return transport;
  }

  @Override
  public final String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public final boolean write(byte[] data) {
    return enqueue(data, false);
  }

  @Override
  public final boolean writeLast(byte[] data) {
    return enqueue(data, true);
  }

  private boolean enqueue(byte[] data, boolean last) {
    byte[] frame = Frames.encode(data);
    TransportException overflow = null;
    synchronized (lock) {
      if (closing || outputShut || finished) {
        transport.metrics().streamTxFailed();
        return false;
      }
      outputShut = last;
      if (backlogBytes + frame.length > backlogLimit) {
        overflow =
            new TransportException(
                "stream to "
                    + remoteAddress
                    + ": outbound backlog of "
                    + backlogBytes
                    + " bytes plus a "
                    + frame.length
                    + "-byte frame exceeds the limit of "
                    + backlogLimit);
      } else {
        backlogBytes += frame.length;
        pending.add(ByteBuffer.wrap(frame));
      }
    }
    if (overflow != null) {
      transport.metrics().streamTxFailed();
      transport.metrics().streamBacklogOverflow();
      fail(overflow);
      return false;
    }
    transport.metrics().streamTx(data.length);
    pump();
    return true;
  }

  @Override
  public final void shutdownOutput() {
    synchronized (lock) {
      if (closing || outputShut || finished) {
        return;
      }
      outputShut = true;
    }
    pump();
  }

  @Override
  public final void close() {
    synchronized (lock) {
      if (closing || finished) {
        return;
      }
      closing = true;
    }
    pump();
  }

  /** Feeds inbound body bytes; consumes all of {@code data}. */
  final void received(ByteBuffer data) {
    synchronized (lock) {
      if (closing || finished) {
        data.position(data.limit()); // after a local close inbound data is discarded
        return;
      }
    }
    try {
      decoder.feed(data, this::deliver);
    } catch (WireFormatException e) {
      transport.metrics().streamRxFailed();
      transport.metrics().frameError();
      fail(new TransportException("stream from " + remoteAddress + ": " + e.getMessage(), e));
    }
  }

  /** The peer ended its side cleanly (END_STREAM). */
  final void receivedEnd() {
    boolean clean;
    synchronized (lock) {
      clean = closing || decoder.atBoundary();
    }
    if (!clean) {
      transport.metrics().streamRxFailed();
      transport.metrics().frameError();
      fail(new TransportException("stream from " + remoteAddress + " ended inside a frame"));
      return;
    }
    boolean both;
    boolean ask;
    synchronized (lock) {
      if (finished || inputEnded) {
        return;
      }
      inputEnded = true;
      both = outputComplete;
      ask = !both && !closing;
    }
    if (both) {
      bothEnded();
    } else if (ask) {
      // Our side stays open until the listener ends it (by default at once).
      invoker.run(
          () -> {
            if (!closedDelivered) {
              listener.onInputEnded(this);
            }
          });
    }
  }

  /**
   * Fails the stream: reports {@code cause} and resets the exchange. Idempotent; once the stream
   * finished, later failures (such as the peer's reaction to our reset) are ignored.
   */
  final void fail(Throwable cause) {
    if (finish(cause)) {
      abortExchange(cause);
    }
  }

  /**
   * Marks the stream finished and reports the end to the listener, exactly once.
   *
   * @return true if this call finished the stream; false if it was already finished
   */
  final boolean finish(Throwable cause) {
    synchronized (lock) {
      if (finished) {
        return false;
      }
      finished = true;
      closing = true;
      pending.clear();
      backlogBytes = 0;
    }
    transport.streamEnded(this);
    invoker.run(
        () -> {
          if (!closedDelivered) {
            closedDelivered = true;
            listener.onClosed(cause);
          }
        });
    return true;
  }

  final boolean isFinished() {
    synchronized (lock) {
      return finished;
    }
  }

  private void deliver(byte[] payload) {
    transport.metrics().streamRx(payload.length);
    if (payload.length == 0) {
      return;
    }
    invoker.run(
        () -> {
          if (!closedDelivered) {
            listener.onData(payload);
          }
        });
  }

  /** Issues queued writes one at a time; loops instead of recursing when writes complete inline. */
  private void pump() {
    while (true) {
      ByteBuffer next;
      WriteDone done;
      synchronized (lock) {
        if (writing || finished) {
          return;
        }
        next = pending.poll();
        boolean ending = closing || outputShut;
        if (next == null) {
          if (!ending || outputEnded) {
            return;
          }
        }
        // The last frame of an ending side carries END_STREAM itself.
        boolean last = ending && pending.isEmpty();
        outputEnded = last;
        writing = true;
        done = new WriteDone(next == null ? 0 : next.remaining(), last);
      }
      if (next == null) {
        endOutput(done);
      } else {
        writeFrame(next, done.last, done);
      }
      synchronized (lock) {
        done.issuing = false;
        if (!done.completedInline) {
          return;
        }
      }
    }
  }

  private final class WriteDone implements Callback {
    private final int length;
    private final boolean last;
    private boolean issuing = true; // guarded by lock
    private boolean completedInline; // guarded by lock

    WriteDone(int length, boolean last) {
      this.length = length;
      this.last = last;
    }

    @Override
    public void succeeded() {
      boolean resume;
      boolean both = false;
      synchronized (lock) {
        backlogBytes = Math.max(0, backlogBytes - length);
        writing = false;
        if (last) {
          outputComplete = true;
          both = inputEnded && !finished;
        }
        completedInline = issuing;
        resume = !issuing && !last;
      }
      if (both) {
        bothEnded();
      }
      if (resume) {
        pump();
      }
    }

    @Override
    public void failed(Throwable x) {
      transport.metrics().streamTxFailed();
      fail(x);
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }
  }
}
