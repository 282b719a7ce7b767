/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn.internal;

import io.ckit.memconn.Conn;
import io.ckit.memconn.ConnectionClosedException;
import io.ckit.memconn.DeadlineExceededException;
import io.ckit.memconn.MemoryAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.Condition;

/**
 * One end of a {@link ConnPair}. It owns its inbound buffer: the peer writes into it and this end
 * reads from it.
 *
 * <p>Thread safe; all state is guarded by the pair's lock.
 */
final class MemoryConn implements Conn {
  private final ConnPair pair;
  /** The bytes the peer wrote and this end has not read yet. */
  private final ByteRing inbound = new ByteRing(BUFFER_SIZE);
  /** Signalled when {@link #inbound} may have data, or this end's read deadline or state changed. */
  private final Condition inboundNotEmpty;
  /** Signalled when {@link #inbound} may have room, or the peer's write deadline or state changed. */
  private final Condition inboundNotFull;
  private final InputStream input = new Input();
  private final OutputStream output = new Output();
  private MemoryConn peer;
  private Instant readDeadline = NO_DEADLINE;
  private Instant writeDeadline = NO_DEADLINE;

  MemoryConn(ConnPair pair) {
    this.pair = pair;
    this.inboundNotEmpty = pair.lock.newCondition();
    this.inboundNotFull = pair.lock.newCondition();
  }

  /** Sets the peer; called once, before the end is published. */
  void attach(MemoryConn peer) {
    this.peer = peer;
  }

  /** Wakes every call blocked on this end's buffer. Call with the pair's lock held. */
  void wakeAllLocked() {
    inboundNotEmpty.signalAll();
    inboundNotFull.signalAll();
  }

  @Override
  public InputStream inputStream() {
    return input;
  }

  @Override
  public OutputStream outputStream() {
    return output;
  }

  @Override
  public void setDeadline(Instant deadline) {
    Objects.requireNonNull(deadline, "deadline");
    pair.lock.lock();
    try {
      requireOpen("deadline");
      readDeadline = deadline;
      writeDeadline = deadline;
      inboundNotEmpty.signalAll();
      peer.inboundNotFull.signalAll();
    } finally {
      pair.lock.unlock();
    }
  }

  @Override
  public void setReadDeadline(Instant deadline) {
    Objects.requireNonNull(deadline, "deadline");
    pair.lock.lock();
    try {
      requireOpen("read deadline");
      readDeadline = deadline;
      inboundNotEmpty.signalAll();
    } finally {
      pair.lock.unlock();
    }
  }

  @Override
  public void setWriteDeadline(Instant deadline) {
    Objects.requireNonNull(deadline, "deadline");
    pair.lock.lock();
    try {
      requireOpen("write deadline");
      writeDeadline = deadline;
      peer.inboundNotFull.signalAll();
    } finally {
      pair.lock.unlock();
    }
  }

  private void requireOpen(String what) {
    if (pair.closedLocked()) {
      throw new IllegalStateException("in-memory connection is closed: cannot set the " + what);
    }
  }

  @Override
  public MemoryAddress localAddress() {
    return MemoryAddress.INSTANCE;
  }

  @Override
  public MemoryAddress remoteAddress() {
    return MemoryAddress.INSTANCE;
  }

  @Override
  public boolean isClosed() {
    pair.lock.lock();
    try {
      return pair.closedLocked();
    } finally {
      pair.lock.unlock();
    }
  }

  @Override
  public void close() {
    pair.close();
  }

  @Override
  public String toString() {
    return "MemoryConn[" + (isClosed() ? "closed" : "open") + "]";
  }

  /** Reads at least one byte, or returns -1 once closed and drained. */
  private int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    pair.lock.lock();
    try {
      while (true) {
        if (pair.expired(readDeadline)) {
          throw new DeadlineExceededException(
              "in-memory read deadline " + readDeadline + " exceeded", 0);
        }
        if (!inbound.isEmpty()) {
          int n = inbound.read(b, off, len);
          inboundNotFull.signalAll();
          return n;
        }
        if (pair.closedLocked()) {
          return -1;
        }
        pair.await(inboundNotEmpty, readDeadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted("read", 0);
    } finally {
      pair.lock.unlock();
    }
  }

  /** Writes every byte into the peer's buffer, blocking while it is full. */
  private void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    int written = 0;
    pair.lock.lock();
    try {
      while (written < len) {
        if (pair.closedLocked()) {
          throw new ConnectionClosedException("in-memory connection is closed: wrote "
              + written + " of " + len + " bytes");
        }
        if (pair.expired(writeDeadline)) {
          throw new DeadlineExceededException("in-memory write deadline " + writeDeadline
              + " exceeded: wrote " + written + " of " + len + " bytes", written);
        }
        int n = peer.inbound.write(b, off + written, len - written);
        if (n > 0) {
          written += n;
          peer.inboundNotEmpty.signalAll();
        } else {
          pair.await(peer.inboundNotFull, writeDeadline);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted("write", written);
    } finally {
      pair.lock.unlock();
    }
  }

  private static InterruptedIOException interrupted(String operation, int bytesTransferred) {
    InterruptedIOException e =
        new InterruptedIOException("interrupted while blocked in an in-memory " + operation);
    e.bytesTransferred = bytesTransferred;
    return e;
  }

  /** The input view. */
  private final class Input extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return MemoryConn.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return MemoryConn.this.read(b, off, len);
    }

    @Override
    public int available() {
      pair.lock.lock();
      try {
        return inbound.size();
      } finally {
        pair.lock.unlock();
      }
    }

    @Override
    public void close() {
      MemoryConn.this.close();
    }
  }

  /** The output view. */
  private final class Output extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      MemoryConn.this.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      MemoryConn.this.write(b, off, len);
    }

    @Override
    public void close() {
      MemoryConn.this.close();
    }
  }
}
