/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import io.ckit.memconn.internal.ConnPair;
import java.io.Closeable;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-memory listener: Go ckit's {@code memconn.Listener}. {@link #dial()} creates a connection
 * to it and {@link #accept()} returns the listener's end of it; no socket is involved.
 *
 * <p>As in Go, a dial and an accept meet: {@code dial} blocks until an {@code accept} takes its
 * connection, and {@code accept} blocks until a {@code dial} offers one. Pending dials are accepted
 * in arrival order.
 *
 * <p>{@link #close()} makes blocked and later calls to {@code accept} and {@code dial} fail with
 * {@link ListenerClosedException}. Connections already accepted stay open.
 *
 * <p>Thread safe. No thread is started; waiting callers block on a condition.
 */
public final class Listener implements Closeable {
  private static final System.Logger LOG = System.getLogger(Listener.class.getName());

  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when a dial is queued or the listener closes. */
  private final Condition dialQueued = lock.newCondition();
  /** Signalled when a queued dial is accepted or the listener closes. */
  private final Condition dialAccepted = lock.newCondition();
  /** Dials waiting for an accept, oldest first. Guarded by {@link #lock}. */
  private final ArrayDeque<PendingDial> pending = new ArrayDeque<>();
  /** Guarded by {@link #lock}. */
  private boolean closed;

  /** A dial waiting for an accept. Fields guarded by {@link #lock}. */
  private static final class PendingDial {
    Conn accepted;
  }

  private Listener(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates a listener whose connections measure deadlines on the system UTC clock.
   *
   * @return a new open listener
   */
  public static Listener create() {
    return create(Clock.systemUTC());
  }

  /**
   * Creates a listener whose connections measure deadlines on {@code clock}, as described at
   * {@link Pipe#create(Clock)}.
   *
   * @param clock the clock read to decide whether a deadline has passed; not {@code null}
   * @return a new open listener
   */
  public static Listener create(Clock clock) {
    return new Listener(clock);
  }

  /**
   * Waits for the next dial and returns the listener's end of its connection.
   *
   * @return the accepting (server) end, never {@code null}
   * @throws ListenerClosedException if the listener is or becomes closed
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public Conn accept() throws InterruptedException {
    lock.lock();
    try {
      while (pending.isEmpty() && !closed) {
        dialQueued.await();
      }
      if (closed) {
        throw new ListenerClosedException("in-memory listener is closed: accept failed");
      }
      PendingDial dial = pending.removeFirst();
      ConnPair pair = ConnPair.create(clock);
      dial.accepted = pair.first();
      dialAccepted.signalAll();
      LOG.log(Level.DEBUG, "accepted new in-memory connection");
      return pair.second();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Connects to this listener, waiting as long as it takes for an {@link #accept()}.
   *
   * @return the dialing (client) end, never {@code null}
   * @throws ListenerClosedException if the listener is or becomes closed before an accept
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public Conn dial() throws InterruptedException {
    return doDial(null);
  }

  /**
   * Connects to this listener, waiting at most {@code timeout} for an {@link #accept()}.
   *
   * <p>The timeout includes the time a waiting {@code accept} needs to wake up and take the
   * connection, so a zero timeout always fails.
   *
   * <p>If the thread is interrupted after an accept took the connection but before this method
   * returned it, the connection is closed, so the accepting side reads end-of-stream.
   *
   * @param timeout how long to wait for an accept; not {@code null} and not negative
   * @return the dialing (client) end, never {@code null}
   * @throws DialTimeoutException if no accept took the connection in time
   * @throws ListenerClosedException if the listener is or becomes closed before an accept
   * @throws InterruptedException if the thread is interrupted while waiting
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws NullPointerException if {@code timeout} is {@code null}
   */
  public Conn dial(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("dial timeout must not be negative, got " + timeout);
    }
    return doDial(timeout);
  }

  /** Dials with a timeout, or with none if {@code timeout} is {@code null}. */
  private Conn doDial(Duration timeout) throws InterruptedException {
    long nanos = timeout == null ? Long.MAX_VALUE : saturatedNanos(timeout);
    PendingDial dial = new PendingDial();
    lock.lock();
    try {
      if (closed) {
        throw new ListenerClosedException("in-memory listener is closed: dial failed");
      }
      pending.addLast(dial);
      dialQueued.signal();
      while (dial.accepted == null) {
        if (closed) {
          pending.remove(dial);
          throw new ListenerClosedException("in-memory listener closed while dialing");
        }
        if (nanos <= 0) {
          pending.remove(dial);
          throw new DialTimeoutException(timeout);
        }
        nanos = timeout == null ? waitForever() : dialAccepted.awaitNanos(nanos);
      }
      LOG.log(Level.DEBUG, "dialed to in-memory listener");
      return dial.accepted;
    } catch (InterruptedException e) {
      pending.remove(dial);
      if (dial.accepted != null) {
        dial.accepted.close();
      }
      throw e;
    } finally {
      lock.unlock();
    }
  }

  private long waitForever() throws InterruptedException {
    dialAccepted.await();
    return Long.MAX_VALUE;
  }

  private static long saturatedNanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Returns the listener's address, which is always {@link MemoryAddress#INSTANCE}.
   *
   * @return the address
   */
  public MemoryAddress address() {
    return MemoryAddress.INSTANCE;
  }

  /**
   * Returns whether {@link #close()} was called.
   *
   * @return {@code true} once closed
   */
  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes the listener: blocked and later {@code accept} and {@code dial} calls fail with {@link
   * ListenerClosedException}. Connections already accepted stay open. Closing again does nothing
   * (Go returns an "already closed" error instead). Never blocks for long.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      dialQueued.signalAll();
      dialAccepted.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
