/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.sidebyside;

import io.ckit.Node;
import io.ckit.internal.cluster.NodeRuntime;
import io.ckit.internal.swim.Member;
import io.ckit.internal.swim.SwimCounter;
import io.ckit.internal.swim.SwimSnapshot;
import io.ckit.internal.wire.NodeStateType;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;

/**
 * Splits a crash's convergence into its phases, as the base nodes' engines saw them (harness flag
 * {@code -trace}): polls every node's engine snapshot every few milliseconds and records when the
 * first node held the victim suspect, when the first declared it dead, and when every node held it
 * dead (or forgot it). The observer-level time the harness reports comes after the last.
 *
 * <p>Reads the engines through {@code Node}'s private runtime, which is not public API: a diagnostic for
 * this harness only.
 */
final class CrashTrace implements AutoCloseable {
  private static final Field RUNTIME;

  static {
    try {
      // The field, not the method: listing Node's methods would load the optional servlet API.
      RUNTIME = Node.class.getDeclaredField("runtime");
      RUNTIME.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final List<NodeRuntime> runtimes;
  private final String victim;
  private final long start;
  private final Thread poller;
  private volatile boolean done;
  private long firstSuspect = -1;
  private long firstDead = -1;
  private long allDead = -1;
  private int maxHealth;
  private final long[] probesAtStart;
  private long[] probesAtEnd;

  CrashTrace(List<HarnessNode> base, String victim, long start) {
    this.runtimes = base.stream().map(h -> runtime(h.node())).toList();
    this.victim = victim;
    this.start = start;
    this.probesAtStart = probes();
    this.poller = new Thread(this::poll, "crash-trace");
    this.poller.setDaemon(true);
    this.poller.start();
  }

  private static NodeRuntime runtime(Node node) {
    try {
      return (NodeRuntime) RUNTIME.get(node);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private void poll() {
    while (!done && allDead < 0) {
      sampleOnce();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sampleOnce() {
    long now = System.nanoTime() - start;
    int dead = 0;
    for (NodeRuntime runtime : runtimes) {
      SwimSnapshot snapshot = runtime.snapshot();
      Member m = snapshot == null ? null : snapshot.member(victim);
      NodeStateType state = m == null ? NodeStateType.DEAD : m.state();
      if (state == NodeStateType.SUSPECT && firstSuspect < 0) {
        firstSuspect = now;
      }
      if (state == NodeStateType.DEAD || state == NodeStateType.LEFT) {
        dead++;
        if (firstDead < 0) {
          firstDead = now;
        }
      }
      if (snapshot != null) {
        maxHealth = Math.max(maxHealth, snapshot.healthScore());
      }
    }
    if (dead == runtimes.size() && allDead < 0) {
      allDead = now;
    }
  }

  private long[] probes() {
    long[] out = new long[runtimes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = runtimes.get(i).swimCounters().get(SwimCounter.PROBES);
    }
    return out;
  }

  @Override
  public void close() {
    done = true;
    try {
      poller.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // The observers may have converged between two polls: look once more, so that "all dead" is
    // at most this late rather than missing.
    if (allDead < 0) {
      sampleOnce();
    }
    probesAtEnd = probes();
  }

  /** Probes each base node started between the crash and {@link #close}: min, median, max. */
  private String probesPerNode() {
    long[] d = new long[probesAtStart.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = probesAtEnd[i] - probesAtStart[i];
    }
    java.util.Arrays.sort(d);
    return d[0] + "/" + d[d.length / 2] + "/" + d[d.length - 1];
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "first suspect %.3f s, first dead %.3f s (suspicion %.3f s), all dead %.3f s"
            + " (dissemination %.3f s), max health score %d, probes per node min/median/max %s",
        firstSuspect / 1e9, firstDead / 1e9, (firstDead - firstSuspect) / 1e9, allDead / 1e9,
        (allDead - firstDead) / 1e9, maxHealth, probesAtEnd == null ? "?" : probesPerNode());
  }
}
