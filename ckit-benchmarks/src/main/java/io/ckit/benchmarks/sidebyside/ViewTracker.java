/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.sidebyside;

import io.ckit.Observer;
import io.ckit.peer.Peer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Keeps the latest peer list each node's observer reported, and times how long a condition takes
 * to hold on a set of nodes: the harness's convergence measurements (the Go half's {@code
 * viewTracker}). A node's time is its observer's first call that satisfies the condition.
 *
 * <p>Thread-safe: observers call {@link #update} on their nodes' observer threads.
 */
final class ViewTracker {
  private final Map<Integer, List<Peer>> views = new HashMap<>();
  private Watch watch;

  private static final class Watch {
    final Set<Integer> nodes;
    final Predicate<List<Peer>> condition;
    final long start;
    final Map<Integer, Long> satisfied = new HashMap<>();
    final CountDownLatch done = new CountDownLatch(1);

    Watch(Collection<Integer> nodes, Predicate<List<Peer>> condition, long start) {
      this.nodes = new HashSet<>(nodes);
      this.condition = condition;
      this.start = start;
    }

    void check(int node, List<Peer> peers, long now) {
      if (!nodes.contains(node) || satisfied.containsKey(node) || !condition.test(peers)) {
        return;
      }
      satisfied.put(node, Math.max(now, start));
      if (satisfied.size() == nodes.size()) {
        done.countDown();
      }
    }
  }

  /** Returns the observer that reports node {@code i}'s peers. */
  Observer observerFor(int i) {
    return peers -> {
      update(i, peers, System.nanoTime());
      return true;
    };
  }

  private synchronized void update(int node, List<Peer> peers, long now) {
    views.put(node, peers);
    if (watch != null) {
      watch.check(node, peers, now);
    }
  }

  /**
   * Runs {@code action} and returns the time from its start until {@code condition} held on every
   * node of {@code nodes}.
   *
   * @throws IllegalStateException if that does not happen within {@code timeout}
   * @throws InterruptedException if interrupted while waiting
   */
  Duration await(
      Collection<Integer> nodes, Predicate<List<Peer>> condition, Duration timeout, Runnable action)
      throws InterruptedException {
    Watch w;
    synchronized (this) {
      w = new Watch(nodes, condition, System.nanoTime());
      watch = w;
      views.forEach((node, peers) -> w.check(node, peers, w.start));
    }
    action.run();
    boolean converged = w.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    synchronized (this) {
      watch = null;
      if (!converged) {
        throw new IllegalStateException(
            (w.nodes.size() - w.satisfied.size()) + " of " + w.nodes.size()
                + " nodes did not converge within " + timeout);
      }
      long last = w.satisfied.values().stream().mapToLong(Long::longValue).max().orElse(w.start);
      return Duration.ofNanos(last - w.start);
    }
  }

  /** Holds when a node lists exactly {@code n} peers, itself included. */
  static Predicate<List<Peer>> hasCount(int n) {
    return peers -> peers.size() == n;
  }

  /** Holds when a node lists (or, with {@code want} false, no longer lists) the named peer. */
  static Predicate<List<Peer>> lists(String name, boolean want) {
    return peers -> peers.stream().anyMatch(p -> p.name().equals(name)) == want;
  }
}
