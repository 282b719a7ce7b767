/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.log.NodeLog;
import io.ckit.Observer;
import io.ckit.peer.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Delivers peer lists to observers on one named thread, coalescing to the latest list, as ckit does
 * with its size-1 notification queue.
 *
 * <p>The membership loop calls {@link #publish(List)} without ever blocking: the new list replaces
 * any list not yet delivered (drop policy: only the newest undelivered list is kept). The notifier
 * thread skips a list equal to the last one delivered, then calls each observer in registration
 * order. An observer that throws is logged and kept; one that returns false is removed.
 *
 * <p>Thread-safe. Observers run only on the notifier thread.
 */
public final class ObserverNotifier implements AutoCloseable {

  /** Receives timing and count updates for the node metrics. */
  public interface Listener {
    /** Called before and after a round of notifications ({@code cluster_node_updating}). */
    void updating(boolean updating);

    /** Called after a round with its duration ({@code cluster_node_update_duration_seconds}). */
    void updated(long nanos);

    /** Called whenever the number of registered observers changes. */
    void observers(int count);
  }

  private final Object lock = new Object();
  private final Thread thread;
  private final Listener listener;
  private final LongSupplier nanoClock;
  private final NodeLog log;

  // Guarded by lock.
  private final List<Observer> observers = new ArrayList<>();
  private List<Peer> pending;
  private boolean closed;

  // Confined to the notifier thread.
  private List<Peer> lastDelivered;

  /**
   * Creates and starts the notifier thread.
   *
   * @param threadName the name of the notifier thread
   * @param listener receives metric updates; called on the notifier thread
   * @param nanoClock a monotonic clock for update durations
   * @param log the node's log
   */
  public ObserverNotifier(
      String threadName, Listener listener, LongSupplier nanoClock, NodeLog log) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.log = Objects.requireNonNull(log, "log");
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Registers an observer; it is called from the next delivered change on.
   *
   * @param observer the observer
   */
  public void register(Observer observer) {
    Objects.requireNonNull(observer, "observer");
    int count;
    synchronized (lock) {
      observers.add(observer);
      count = observers.size();
    }
    listener.observers(count);
  }

  /**
   * Offers the newest peer list. Never blocks; replaces any list not yet delivered.
   *
   * @param peers the current peers, sorted and unmodifiable
   */
  public void publish(List<Peer> peers) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      pending = peers;
      lock.notifyAll();
    }
  }

  /** Stops the notifier thread after the round in progress, if any; pending lists are dropped. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      pending = null;
      lock.notifyAll();
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    while (true) {
      List<Peer> peers;
      List<Observer> snapshot;
      synchronized (lock) {
        while (pending == null && !closed) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        peers = pending;
        pending = null;
        snapshot = List.copyOf(observers);
      }
      if (peers.equals(lastDelivered)) {
        continue;
      }
      lastDelivered = peers;
      deliver(peers, snapshot);
    }
  }

  private void deliver(List<Peer> peers, List<Observer> snapshot) {
    listener.updating(true);
    long start = nanoClock.getAsLong();
    List<Observer> unregister = new ArrayList<>();
    for (Observer observer : snapshot) {
      try {
        if (!observer.notifyPeersChanged(peers)) {
          unregister.add(observer);
        }
      } catch (VirtualMachineError e) {
        throw e;
      } catch (RuntimeException | Error e) {
        log.warn(e, "observer {} threw; it stays registered", observer);
      }
    }
    if (!unregister.isEmpty()) {
      int count;
      synchronized (lock) {
        unregister.forEach(o -> observers.removeIf(registered -> registered == o));
        count = observers.size();
      }
      listener.observers(count);
    }
    listener.updated(nanoClock.getAsLong() - start);
    listener.updating(false);
  }
}
