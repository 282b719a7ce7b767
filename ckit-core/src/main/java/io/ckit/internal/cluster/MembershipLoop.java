/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.log.NodeLog;
import io.ckit.NodeStoppedException;
import io.ckit.internal.swim.InboundPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The membership thread of one node: the only thread that touches the engine and the ckit layer.
 *
 * <p>Inputs arrive through two queues: the {@link PacketInbox} (bounded, drop oldest) and a task
 * queue for everything else (commands, dial results, accepted stream messages); tasks are never
 * dropped while the loop runs, and their producers bound them (see {@code docs/concurrency.md}).
 * Each turn drains up to {@value #MAX_PACKET_BATCH} packets as one engine batch, then up to {@value
 * #MAX_TASKS} tasks, then polls the driver's timers, then parks until the next deadline unless
 * input is waiting. Producers wake the loop with {@link LockSupport#unpark} only while it is
 * parked (a volatile flag set before the final emptiness check, so no wake-up is lost).
 *
 * <p>A failure in one input is logged and the loop goes on. When the loop ends (by {@link
 * #requestExit()} or an {@link Error}), the driver's {@link Driver#stopped} runs on the loop thread
 * and every task still queued, or posted later, is abandoned with {@link NodeStoppedException}.
 */
final class MembershipLoop {
  static final int MAX_PACKET_BATCH = 256;
  static final int MAX_TASKS = 256;

  /** What the loop drives; every method runs on the loop thread. */
  interface Driver {
    /** Runs first, when the thread starts. */
    void started(long nowNanos);

    /** Handles packets received together, in arrival order. */
    void packets(List<InboundPacket> batch, long nowNanos);

    /** Runs due timers and returns the next deadline, or {@link Long#MAX_VALUE} for none. */
    long poll(long nowNanos);

    /** Runs last, when the loop ends for any reason. */
    void stopped(long nowNanos);
  }

  /** One queued input. */
  interface Task {
    /** Runs the task on the loop thread. */
    void run(long nowNanos);

    /** Called instead of {@link #run} if the loop ended first; on any thread. */
    default void abandon(NodeStoppedException cause) {}
  }

  private final Thread thread;
  private final Driver driver;
  private final PacketInbox packets;
  private final LongSupplier clock;
  private final NodeLog log;
  private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
  private volatile boolean parked;
  private volatile boolean exit;
  private volatile boolean closed;

  /**
   * Creates the loop without starting it; tasks posted before {@link #start()} wait for it.
   *
   * @param threadName the loop thread's name
   * @param driver the engine side
   * @param packets the packet inbox
   * @param clock the monotonic clock (nanoseconds)
   * @param log the node's log
   */
  MembershipLoop(
      String threadName, Driver driver, PacketInbox packets, LongSupplier clock, NodeLog log) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.packets = Objects.requireNonNull(packets, "packets");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  /** Starts the loop thread. */
  void start() {
    thread.start();
  }

  /** Returns true if the caller runs on the loop thread. */
  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Returns the loop thread (for tests and diagnostics). */
  Thread thread() {
    return thread;
  }

  /** Returns how many tasks wait. */
  int queuedTasks() {
    return tasks.size();
  }

  /**
   * Queues a task and wakes the loop. If the loop has ended, the task is abandoned at once.
   * Thread-safe, never blocks.
   */
  void post(Task task) {
    tasks.add(task);
    if (closed && tasks.remove(task)) {
      task.abandon(new NodeStoppedException());
      return;
    }
    wake();
  }

  /** Wakes the loop if it is parked. Thread-safe. */
  void wake() {
    if (parked) {
      LockSupport.unpark(thread);
    }
  }

  /** Makes the loop end after the current turn; call it from a task. */
  void requestExit() {
    exit = true;
  }

  /**
   * Waits for the loop thread to end.
   *
   * @return true if it ended within the timeout
   */
  boolean awaitExit(long timeout, TimeUnit unit) {
    try {
      thread.join(unit.toMillis(timeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  /** Abandons every queued task of a loop that was never started. */
  void closeUnstarted() {
    closed = true;
    abandonAll();
  }

  private void run() {
    try {
      driver.started(clock.getAsLong());
      List<InboundPacket> batch = new ArrayList<>();
      while (!exit) {
        turn(batch);
      }
    } catch (Error e) {
      log.error(e, "membership loop {} died", thread.getName());
      throw e;
    } finally {
      closed = true;
      try {
        driver.stopped(clock.getAsLong());
      } catch (RuntimeException e) {
        log.error(e, "membership loop {}: shutdown failed", thread.getName());
      } finally {
        packets.clear();
        abandonAll();
      }
    }
  }

  private void turn(List<InboundPacket> batch) {
    if (packets.drainTo(batch, MAX_PACKET_BATCH) > 0) {
      List<InboundPacket> copy = List.copyOf(batch);
      batch.clear();
      try {
        driver.packets(copy, clock.getAsLong());
      } catch (RuntimeException e) {
        log.error(e, "membership loop {}: packet batch failed", thread.getName());
      }
    }
    for (int i = 0; i < MAX_TASKS && !exit; i++) {
      Task task = tasks.poll();
      if (task == null) {
        break;
      }
      try {
        task.run(clock.getAsLong());
      } catch (RuntimeException e) {
        log.error(e, "membership loop {}: task failed", thread.getName());
      }
    }
    if (exit) {
      return;
    }
    long next;
    try {
      next = driver.poll(clock.getAsLong());
    } catch (RuntimeException e) {
      log.error(e, "membership loop {}: timers failed", thread.getName());
      next = clock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(100);
    }
    park(next);
  }

  private void park(long deadline) {
    parked = true;
    try {
      if (!packets.isEmpty() || !tasks.isEmpty() || exit) {
        return;
      }
      if (deadline == Long.MAX_VALUE) {
        LockSupport.park(this);
      } else {
        long wait = deadline - clock.getAsLong();
        if (wait > 0) {
          LockSupport.parkNanos(this, wait);
        }
      }
    } finally {
      parked = false;
      // Nobody should interrupt this thread; if someone does, park would return at once forever.
      if (Thread.interrupted()) {
        log.warn("membership loop {} was interrupted; ignoring", thread.getName());
      }
    }
  }

  private void abandonAll() {
    NodeStoppedException cause = new NodeStoppedException();
    for (Task task; (task = tasks.poll()) != null; ) {
      try {
        task.abandon(cause);
      } catch (RuntimeException e) {
        log.warn(e, "abandoning a task failed");
      }
    }
  }
}
