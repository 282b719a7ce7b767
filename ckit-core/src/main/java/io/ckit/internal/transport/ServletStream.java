/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;

/**
 * A stream a peer opened, served through Servlet async I/O. The first {@code onWritePossible}
 * flushes the 200 headers; once they are out the sink is told and reading starts. Each frame is
 * written and then flushed, calling {@code isReady()} before every write and flush as the Servlet
 * spec requires. Ending our side completes the {@code AsyncContext}, which ends the response; the
 * container resets a request body the peer has not finished (Go dialers never finish theirs).
 *
 * <p>Threading: container callbacks and {@link #writeFrame} callers are serialized by {@code
 * ioLock}, which is held only around non-blocking Servlet calls, never while calling the listener
 * or completing write callbacks.
 */
final class ServletStream extends FramedStream implements ReadListener, WriteListener {
  private final HttpServletRequest req;
  private final HttpServletResponse resp;
  private final AsyncContext async;
  private final Object ioLock = new Object();
  private final byte[] readBuffer = new byte[16 * 1024];

  // Guarded by ioLock.
  private boolean committed;
  private ByteBuffer current;
  private Callback currentDone;
  private boolean flushNeeded;
  private Callback endDone;
  private boolean completed;

  ServletStream(
      GossipTransport transport,
      String remote,
      HttpServletRequest req,
      HttpServletResponse resp,
      AsyncContext async) {
    super(transport, remote);
    this.req = req;
    this.resp = resp;
    this.async = async;
  }

  @Override
  public void onWritePossible() throws IOException {
    boolean accept = false;
    synchronized (ioLock) {
      if (!committed) {
        ServletOutputStream out = resp.getOutputStream();
        if (!out.isReady()) {
          return;
        }
        out.flush(); // commits the 200 headers before we read anything
        if (!out.isReady()) {
          return; // flush pending; we come back here when it is done
        }
        committed = true;
        accept = true;
      }
    }
    if (accept) {
      if (!transport().isRunning()) {
        abortExchange(GossipTransport.stopped());
        return;
      }
      runSerially(() -> attach(transport().sink().onStream(this)));
      transport().streamStarted(this);
      req.getInputStream().setReadListener(this);
    }
    progress();
  }

  @Override
  public void onDataAvailable() throws IOException {
    ServletInputStream in = req.getInputStream();
    while (!isFinished() && in.isReady()) {
      int n = in.read(readBuffer);
      if (n < 0) {
        return;
      }
      received(ByteBuffer.wrap(readBuffer, 0, n));
    }
  }

  @Override
  public void onAllDataRead() {
    receivedEnd();
  }

  @Override
  public void onError(Throwable t) {
    fail(t);
  }

  @Override
  void writeFrame(ByteBuffer frame, boolean last, Callback done) {
    if (last) {
      writeFrame(frame, false, Callback.from(() -> endOutput(done), done::failed));
      return;
    }
    synchronized (ioLock) {
      current = frame;
      currentDone = done;
    }
    progress();
  }

  @Override
  void endOutput(Callback done) {
    synchronized (ioLock) {
      endDone = done;
    }
    progress();
  }

  @Override
  void abortExchange(Throwable cause) {
    synchronized (ioLock) {
      if (completed) {
        return;
      }
      completed = true;
    }
    try {
      async.complete();
    } catch (IllegalStateException e) {
      // Already completed by the container after an error.
    }
  }

  /** Moves the pending write, flush or end forward as far as the output allows without blocking. */
  private void progress() {
    while (true) {
      Callback done = null;
      boolean ended = false;
      try {
        synchronized (ioLock) {
          if (!committed || completed) {
            return;
          }
          ServletOutputStream out = resp.getOutputStream();
          if (!out.isReady()) {
            return; // onWritePossible calls back
          }
          if (flushNeeded) {
            out.flush();
            flushNeeded = false;
            done = currentDone;
            currentDone = null;
          } else if (current != null) {
            ByteBuffer frame = current;
            current = null;
            out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
            flushNeeded = true;
            continue;
          } else if (endDone != null) {
            done = endDone;
            endDone = null;
            completed = true;
            ended = true;
          } else {
            return;
          }
        }
      } catch (IOException e) {
        fail(e);
        return;
      }
      if (ended) {
        async.complete();
        done.succeeded();
        finish(null);
        return;
      }
      done.succeeded();
    }
  }
}
