/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.cluster.NodeRuntime;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Resource safety under churn: 50 real nodes over real Jetty (loopback h2c, one JVM) while, every
 * {@link #CHURN_EVERY}, one node crashes, leaves, restarts after a crash or rejoins after a leave.
 * Thread count, heap after GC, open streams and queued packets and tasks are sampled every {@link
 * #SAMPLE_EVERY}; the second half of the run must be no worse than the first beyond a tolerance a
 * leak would exceed. At the end every node is brought back and all 50 must converge with no stream
 * left open.
 *
 * <p>Duration: {@code -Dckit.soak.minutes=30} for the long run (recorded in {@code
 * docs/benchmarks-soak.md}); the default is a 1-minute CI version that asserts the same.
 *
 * <pre>
 * mvn -B -pl ckit-core -am verify -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dckit.soak.minutes=30
 * </pre>
 */
class SoakTest {
  private static final int N = 50;
  private static final int MIN_RUNNING = 40;
  private static final Duration CHURN_EVERY = Duration.ofSeconds(3);
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
  /** Busy pool threads allowed beyond the selectors once the cluster is quiet. */
  private static final int SETTLED_BUSY_SLACK = 8;

  /** One resource sample. */
  record Sample(
      double minutes, int running, int threads, int poolThreads, int poolBusy, long heapMiB,
      long streams, long queued, long tableEntries) {
    /**
     * Threads that are neither the shared Jetty pool's nor the two per running node. {@code
     * poolBusy} counts the pool's threads that run a task (each running server's selector among
     * them); the rest are idle.
     */
    long residualThreads() {
      return threads - poolThreads - 2L * running;
    }

    /** Busy pool threads beyond each running server's selector. */
    long busyBeyondSelectors() {
      return (long) poolBusy - running;
    }
  }

  @Test
  void shouldStayFlatUnderChurn() {
    double minutes = Double.parseDouble(System.getProperty("ckit.soak.minutes", "1"));
    long churnNanos = (long) (minutes * 60e9);
    SplittableRandom random = new SplittableRandom(Long.getLong("ckit.soak.seed", 50));
    try (LoopbackCluster cluster =
        new LoopbackCluster(
            48,
            b -> b.gossipInterval(Duration.ofMillis(200)).pushPullInterval(Duration.ofSeconds(10)))) {
      cluster.shareOneClient();
      List<LoopbackCluster.Member> nodes = cluster.startAll("soak", N);
      assertTrue(LoopbackCluster.await(cluster::converged, Duration.ofSeconds(90)) >= 0,
          "50 nodes formed a cluster");
      List<Sample> samples = new ArrayList<>();
      long start = System.nanoTime();
      long nextSample = start;
      long nextChurn = start;
      int actions = 0;
      int[] byKind = new int[4];
      while (System.nanoTime() - start < churnNanos) {
        long now = System.nanoTime();
        if (now - nextChurn >= 0) {
          byKind[churn(cluster, nodes, random)]++;
          actions++;
          nextChurn += CHURN_EVERY.toNanos();
        }
        if (now - nextSample >= 0) {
          samples.add(sample(cluster, (now - start) / 60e9));
          nextSample += SAMPLE_EVERY.toNanos();
        }
        LoopbackCluster.hold(Duration.ofMillis(50));
      }
      // Bring every node back and let the cluster settle.
      for (LoopbackCluster.Member m : nodes) {
        if (!m.running()) {
          m.start(List.of(cluster.running().get(0)));
        }
      }
      long settled = LoopbackCluster.await(cluster::converged, Duration.ofSeconds(120));
      long quiet =
          LoopbackCluster.await(() -> total(cluster, SoakTest::openStreams) == 0,
              Duration.ofSeconds(30));
      // Packets flow all the time; the queues must drain, not stay empty.
      long drained =
          LoopbackCluster.await(() -> total(cluster, SoakTest::queued) == 0,
              Duration.ofSeconds(30));
      // Once the churn is over, the pool's only long-running tasks are the selectors (one per
      // server, one for the client): anything else still busy would be a leaked task.
      long released =
          LoopbackCluster.await(
              () -> cluster.pool().getBusyThreads() <= N + 1 + SETTLED_BUSY_SLACK,
              Duration.ofSeconds(30));
      Sample end = sample(cluster, (System.nanoTime() - start) / 60e9);
      report(minutes, actions, byKind, samples, end, settled);
      assertTrue(settled >= 0, "all 50 nodes converged after the churn");
      assertTrue(quiet >= 0, "no stream left open: " + total(cluster, SoakTest::openStreams));
      assertTrue(drained >= 0, "the queues drained: " + total(cluster, SoakTest::queued));
      assertTrue(released >= 0,
          "no pool thread held beyond the selectors: " + cluster.pool().getBusyThreads() + " busy");
      assertFlat(samples);
    }
  }

  /** Performs one churn action; returns its kind (0 crash, 1 leave, 2 restart, 3 rejoin). */
  private static int churn(
      LoopbackCluster cluster, List<LoopbackCluster.Member> nodes, SplittableRandom random) {
    List<LoopbackCluster.Member> running = cluster.running();
    List<LoopbackCluster.Member> down = nodes.stream().filter(m -> !m.running()).toList();
    boolean stop = down.isEmpty() || (running.size() > MIN_RUNNING && random.nextBoolean());
    if (stop) {
      LoopbackCluster.Member victim = running.get(random.nextInt(running.size()));
      if (random.nextBoolean()) {
        victim.crash();
        return 0;
      }
      victim.leave();
      return 1;
    }
    LoopbackCluster.Member back = down.get(random.nextInt(down.size()));
    List<LoopbackCluster.Member> seeds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seeds.add(running.get(random.nextInt(running.size())));
    }
    boolean crashed = back.crashedLast;
    back.start(seeds);
    return crashed ? 2 : 3;
  }

  private static long openStreams(NodeRuntime runtime) {
    return runtime.transport().metrics().openStreams() + runtime.diagnostics().openAcceptedStreams();
  }

  private static long queued(NodeRuntime runtime) {
    NodeRuntime.Diagnostics d = runtime.diagnostics();
    return runtime.transport().queuedPackets() + d.queuedPackets() + d.queuedTasks();
  }

  private static long tableEntries(NodeRuntime runtime) {
    return runtime.snapshot() == null ? 0 : runtime.snapshot().members().size();
  }

  private static long total(LoopbackCluster cluster, ToLongFunction<NodeRuntime> metric) {
    long sum = 0;
    for (LoopbackCluster.Member m : cluster.running()) {
      Node node = m.node();
      if (node != null) {
        sum += metric.applyAsLong(node.runtime());
      }
    }
    return sum;
  }

  private static Sample sample(LoopbackCluster cluster, double minutes) {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    return new Sample(
        minutes,
        cluster.running().size(),
        ManagementFactory.getThreadMXBean().getThreadCount(),
        cluster.pool().getThreads(),
        cluster.pool().getBusyThreads(),
        heap,
        total(cluster, SoakTest::openStreams),
        total(cluster, SoakTest::queued),
        total(cluster, SoakTest::tableEntries));
  }

  private static long max(List<Sample> samples, ToLongFunction<Sample> f) {
    return samples.stream().mapToLong(f).max().orElse(0);
  }

  private static long median(List<Sample> samples, ToLongFunction<Sample> f) {
    long[] values = samples.stream().mapToLong(f).sorted().toArray();
    return values.length == 0 ? 0 : values[values.length / 2];
  }

  /**
   * The second half against the first. Tolerances: a leak of one thread, one stream or one queued
   * item per churn action, or of 64 KiB of heap per action, exceeds them over the 30-minute run.
   */
  private static void assertFlat(List<Sample> samples) {
    assertTrue(samples.size() >= 8, "enough samples: " + samples.size());
    List<Sample> first = samples.subList(0, samples.size() / 2);
    List<Sample> second = samples.subList(samples.size() / 2, samples.size());
    assertTrue(max(second, Sample::residualThreads) <= max(first, Sample::residualThreads) + 6,
        "threads beyond the per-node ones stay flat");
    // A pool thread held by a leaked task stays busy. Busy threads beyond one selector per
    // running server are mostly 0 to 10 with bursts of up to ~50 (a crash fails many requests at
    // once), so the median is compared: a leak of one thread per churn action exceeds the margin.
    assertTrue(
        median(second, Sample::busyBeyondSelectors) <= median(first, Sample::busyBeyondSelectors) + 8,
        "busy pool threads stay flat");
    // Idle pool threads linger up to the idle timeout (60 s) after a burst (LoopbackCluster
    // evicts all of them then), so the pool's size follows the last minute's largest burst.
    assertTrue(max(second, Sample::poolThreads) <= max(first, Sample::poolThreads) + 32,
        "the Jetty pool stays flat");
    assertTrue(median(second, Sample::heapMiB) <= median(first, Sample::heapMiB) * 5 / 4 + 32,
        "heap after GC stays flat");
    assertTrue(max(second, Sample::streams) <= max(first, Sample::streams) + 20,
        "open streams stay flat");
    assertTrue(max(second, Sample::queued) <= 2 * max(first, Sample::queued) + 200,
        "queues stay flat");
    assertTrue(max(second, Sample::tableEntries) <= max(first, Sample::tableEntries) + N * 5L,
        "node tables stay flat (dead entries are reaped)");
  }

  private static void report(
      double minutes, int actions, int[] byKind, List<Sample> samples, Sample end, long settled) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "[soak] %d nodes, %.1f min of churn: %d actions (%d crashes, %d leaves, %d restarts,"
            + " %d rejoins); all back and converged %.1f s after%n",
        N, minutes, actions, byKind[0], byKind[1], byKind[2], byKind[3], settled / 1e9));
    out.append(
        "[soak] min   running threads pool busy residual heapMiB streams queued entries\n");
    List<Sample> all = new ArrayList<>(samples);
    all.add(end);
    for (Sample s : all) {
      out.append(String.format(Locale.ROOT, "[soak] %5.2f %7d %7d %4d %4d %8d %7d %7d %6d %7d%n",
          s.minutes(), s.running(), s.threads(), s.poolThreads(), s.poolBusy(),
          s.residualThreads(),
          s.heapMiB(), s.streams(), s.queued(), s.tableEntries()));
    }
    List<Sample> first = samples.subList(0, samples.size() / 2);
    List<Sample> second = samples.subList(samples.size() / 2, samples.size());
    out.append(String.format(Locale.ROOT,
        "[soak] halves (first/second): max residual threads %d/%d, max pool threads %d/%d,"
            + " median busy beyond selectors %d/%d, median heap %d/%d MiB, max streams %d/%d,"
            + " max queued %d/%d, max entries %d/%d%n",
        max(first, Sample::residualThreads), max(second, Sample::residualThreads),
        max(first, Sample::poolThreads), max(second, Sample::poolThreads),
        median(first, Sample::busyBeyondSelectors), median(second, Sample::busyBeyondSelectors),
        median(first, Sample::heapMiB), median(second, Sample::heapMiB),
        max(first, Sample::streams), max(second, Sample::streams),
        max(first, Sample::queued), max(second, Sample::queued),
        max(first, Sample::tableEntries), max(second, Sample::tableEntries)));
    out.append(poolThreadSummary());
    System.out.print(out);
  }

  /** The shared pool's threads at the end, grouped by state and the frames they sit in. */
  private static String poolThreadSummary() {
    Map<String, Integer> groups = new TreeMap<>();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (!thread.getName().startsWith("loopback-cluster")) {
        return;
      }
      StringBuilder key = new StringBuilder(thread.getState().toString());
      for (int i = 0; i < Math.min(4, stack.length); i++) {
        key.append(" < ").append(stack[i].getClassName().replaceAll(".*\\.", ""))
            .append('.').append(stack[i].getMethodName());
      }
      groups.merge(key.toString(), 1, Integer::sum);
    });
    StringBuilder out = new StringBuilder("[soak] pool threads at the end, by what they do:\n");
    groups.forEach((k, v) -> out.append(String.format(Locale.ROOT, "[soak] %4d %s%n", v, k)));
    return out.toString();
  }
}
