/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import io.ckit.internal.log.NodeLog;

/**
 * Runs tasks one at a time, in submission order, on whichever thread submits while no other task
 * runs. Never blocks and never creates threads: a submitter that finds another thread draining
 * leaves its task to that thread. Used to serialize listener callbacks of one stream.
 */
final class SerialInvoker {
  private final NodeLog log;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();

  SerialInvoker(NodeLog log) {
    this.log = log;
  }

  /**
   * Queues the task and runs queued tasks if no other thread is doing so. A task that throws is
   * logged and does not stop later tasks.
   */
  void run(Runnable task) {
    tasks.add(task);
    if (pending.getAndIncrement() != 0) {
      return;
    }
    do {
      Runnable next = tasks.poll();
      try {
        next.run();
      } catch (RuntimeException | Error e) {
        log.warn(e, "stream listener threw");
      }
    } while (pending.decrementAndGet() != 0);
  }
}
