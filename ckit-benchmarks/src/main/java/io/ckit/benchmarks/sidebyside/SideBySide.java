/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.sidebyside;

import io.ckit.Node;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The Java half of the side-by-side harness: {@code n} Java ckit nodes in this JVM on loopback h2c,
 * each with its own Jetty server and port on shared Jetty infrastructure ({@link SharedJetty}),
 * measured exactly as {@code ckit-oracle cluster} measures Go nodes:
 *
 * <ul>
 *   <li>heap per node: used heap after full GCs, minus the same with zero nodes (shared
 *       infrastructure already started), divided by {@code n};
 *   <li>threads per node: live threads minus the zero-node baseline, divided by {@code n};
 *   <li>bytes/s per node at steady state, after a warm-up: by the nodes' own transport counters
 *       ({@code cluster_transport_tx_bytes_total} plus {@code
 *       cluster_transport_stream_tx_bytes_total}) and on the wire (every byte the servers' sockets
 *       read or write), and process CPU time over the same window, with the JIT compilers' share
 *       of it (their compilation time) on its own;
 *   <li>convergence, from each node's observer: the initial cluster; one more node joining (until
 *       every base node lists it) and that node leaving gracefully (until every base node drops
 *       it), {@code -rounds} times; another extra node joining and then, after a delay spread
 *       over one probe interval ({@link #crashDelay}), crashing (server and own client stopped;
 *       until every base node drops it), {@code -crashes} times. The median of each kind is
 *       reported, and every sample.
 * </ul>
 *
 * <p>Usage: {@code java -Xmx1g -cp ckit-benchmarks/target/benchmarks.jar
 * io.ckit.benchmarks.sidebyside.SideBySide [-n 151] [-rounds 5] [-crashes 1] [-warmup 60s]
 * [-window 5m] [-timeout 5m] [-trace]}. {@code -trace} prints each crash's phases as the engines saw
 * them ({@link CrashTrace}).
 * Durations are seconds or minutes ({@code 45s}, {@code 2m}, {@code 1m30s}). Progress goes to
 * stderr; the JSON result to stdout.
 */
public final class SideBySide {
  private final int n;
  private final int rounds;
  private final int crashes;
  private final Duration warmup;
  private final Duration window;
  private final Duration timeout;
  private final boolean trace;
  private final ViewTracker tracker = new ViewTracker();
  private final List<HarnessNode> nodes = new ArrayList<>();
  private SharedJetty shared;

  private SideBySide(
      int n, int rounds, int crashes, Duration warmup, Duration window, Duration timeout,
      boolean trace) {
    this.n = n;
    this.rounds = rounds;
    this.crashes = crashes;
    this.warmup = warmup;
    this.window = window;
    this.timeout = timeout;
    this.trace = trace;
  }

  /**
   * Runs the harness and prints its result, then exits without stopping the nodes (as the Go half
   * does).
   *
   * @param args the flags
   * @throws IllegalStateException if a step fails or does not converge in time
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    int n = 151;
    int rounds = 5;
    int crashes = 1;
    Duration warmup = Duration.ofSeconds(60);
    Duration window = Duration.ofMinutes(5);
    Duration timeout = Duration.ofMinutes(5);
    boolean trace = false;
    for (int i = 0; i < args.length; i += 2) {
      if (args[i].equals("-trace")) {
        trace = true;
        i--;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("flag " + args[i] + " needs a value");
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "-n" -> n = Integer.parseInt(value);
        case "-rounds" -> rounds = Integer.parseInt(value);
        case "-crashes" -> crashes = Integer.parseInt(value);
        case "-warmup" -> warmup = duration(value);
        case "-window" -> window = duration(value);
        case "-timeout" -> timeout = duration(value);
        default -> throw new IllegalArgumentException("unknown flag " + args[i]);
      }
    }
    if (n < 2 || rounds < 1 || crashes < 1) {
      throw new IllegalArgumentException(
          "-n must be at least 2, -rounds and -crashes at least 1; got " + n + ", " + rounds + ", "
              + crashes);
    }
    Result result = new SideBySide(n, rounds, crashes, warmup, window, timeout, trace).run();
    System.out.println(result.toJson());
    System.exit(0);
  }

  private Result run() throws InterruptedException {
    Result res = new Result();
    res.nodes = n;
    res.warmupSeconds = warmup.toSeconds();
    res.windowSeconds = window.toSeconds();
    res.runtime =
        "Java " + Runtime.version() + " " + String.join(",", gcNames()) + " -Xmx"
            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m cpus="
            + Runtime.getRuntime().availableProcessors();
    shared = new SharedJetty(n + rounds + crashes);
    ProcessSample base = ProcessSample.take();
    progress("baseline: heap %d B, threads %d", base.heapUsed(), base.threads());

    for (int i = 0; i < n; i++) {
      nodes.add(HarnessNode.create(shared, String.format(Locale.ROOT, "node-%03d", i), false));
    }
    List<Integer> all = IntStream.range(0, n).boxed().toList();
    Duration initial =
        tracker.await(
            all,
            ViewTracker.hasCount(n),
            timeout,
            () -> {
              for (int i = 0; i < n; i++) {
                start(nodes.get(i), i);
              }
            });
    res.add("initial", initial);
    progress("initial convergence of %d nodes: %s", n, initial);

    progress("warming up for %s, then measuring for %s", warmup, window);
    // A harness, not a test: the steady state is a wall-clock window.
    Thread.sleep(warmup.toMillis());
    Totals before = totals();
    long t0 = System.nanoTime();
    Thread.sleep(window.toMillis());
    Totals after = totals();
    double secs = (System.nanoTime() - t0) / 1e9;
    res.txPacketBytesPerSecPerNode = (after.packetBytes() - before.packetBytes()) / secs / n;
    res.txStreamBytesPerSecPerNode = (after.streamBytes() - before.streamBytes()) / secs / n;
    res.txBytesPerSecPerNode = res.txPacketBytesPerSecPerNode + res.txStreamBytesPerSecPerNode;
    res.wireBytesPerSecPerNode = (after.wireBytes() - before.wireBytes()) / secs / n;
    res.cpuMillisPerSecPerNode = (after.cpuNanos() - before.cpuNanos()) / 1e6 / secs / n;
    res.jitMillisPerSecPerNode = (after.jitMillis() - before.jitMillis()) / secs / n;
    ProcessSample steady = ProcessSample.take();
    res.heapBytesPerNode = (double) (steady.heapUsed() - base.heapUsed()) / n;
    res.threadsPerNode = (double) (steady.threads() - base.threads()) / n;
    progress("steady state: %s", res.toJson().replace('\n', ' '));
    progress("live threads by name: %s", threadNames());

    membershipChanges(res, all);
    return res;
  }

  /**
   * Times joins, graceful leaves and crashes of extra nodes (a fresh name each time), as seen by
   * the base nodes.
   */
  private void membershipChanges(Result res, List<Integer> base)
      throws InterruptedException {
    for (int r = 0; r < rounds; r++) {
      String name = "node-extra-join-" + r;
      HarnessNode joiner = HarnessNode.create(shared, name, false);
      int index = n + r;
      Duration d =
          tracker.await(
              base, ViewTracker.lists(name, true), timeout, () -> start(joiner, index));
      res.add("join", d);
      progress("join %d converged in %s", r, d);

      d = tracker.await(base, ViewTracker.lists(name, false), timeout, () -> joiner.node().stop());
      res.add("leave", d);
      progress("leave %d converged in %s", r, d);
    }
    for (int r = 0; r < crashes; r++) {
      String name = "node-extra-crash-" + r;
      HarnessNode victim = HarnessNode.create(shared, name, true);
      int index = n + rounds + r;
      tracker.await(base, ViewTracker.lists(name, true), timeout, () -> start(victim, index));
      Thread.sleep(crashDelay(r).toMillis());
      long[] crashNanos = new long[1];
      CrashTrace[] phases = new CrashTrace[1];
      Duration d =
          tracker.await(
              base,
              ViewTracker.lists(name, false),
              timeout,
              () -> {
                long t0 = System.nanoTime();
                if (trace) {
                  phases[0] = new CrashTrace(nodes, name, t0);
                }
                victim.crash();
                crashNanos[0] = System.nanoTime() - t0;
              });
      res.add("crash", d);
      long crashMillis = crashNanos[0] / 1_000_000;
      progress("crash %d converged in %s (the crash itself took %d ms)", r, d, crashMillis);
      if (phases[0] != null) {
        phases[0].close();
        progress("crash %d phases: %s", r, phases[0]);
      }
    }
  }

  /**
   * How long crash {@code r} waits after every base node lists the victim: the golden-ratio
   * sequence over one probe interval (5 s), the same as the Go half's {@code crashDelay}. Without
   * it, each crash would come a fixed time after the previous one's detection, and so at a fixed
   * point of the probe cycle, which favours a cluster whose nodes probe in lockstep (the Go half's:
   * Go ckit starts the probe ticker in {@code NewNode}, and the harness creates every node in one
   * loop; Java nodes start probing in {@code start}, one join after another).
   */
  static Duration crashDelay(int r) {
    double frac = (r + 1) * 0.6180339887498949;
    frac -= (long) frac;
    return Duration.ofMillis((long) (frac * 5000));
  }

  private void start(HarnessNode node, int index) {
    node.start(
        tracker.observerFor(index), index == 0 ? List.of() : List.of(nodes.get(0).address()));
  }

  /** The process-wide running totals the steady-state window takes the difference of. */
  private record Totals(
      long packetBytes, long streamBytes, long wireBytes, long cpuNanos, long jitMillis) {}

  private Totals totals() {
    return new Totals(
        txBytes("cluster_transport_tx_bytes_total"),
        txBytes("cluster_transport_stream_tx_bytes_total"),
        shared.wireBytes(),
        ProcessSample.cpu(),
        ProcessSample.jitMillis());
  }

  /** Sums one of the nodes' own byte counters over every base node. */
  private long txBytes(String counter) {
    double total = 0;
    for (HarnessNode node : nodes) {
      total += counter(node.node(), counter);
    }
    return (long) total;
  }

  private static double counter(Node node, String name) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    node.metrics().bindTo(registry);
    FunctionCounter counter = registry.find(name).functionCounter();
    if (counter == null) {
      throw new IllegalStateException("node " + node + " has no meter " + name);
    }
    return counter.count();
  }

  /** Counts live threads by name, digits folded, to show where the threads per node come from. */
  private static Map<String, Long> threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .collect(
            Collectors.groupingBy(
                t -> t.getName().replaceAll("node-(extra-[a-z]+-)?\\d+", "<node>")
                    .replaceAll("\\d+", "#"),
                TreeMap::new,
                Collectors.counting()));
  }

  private static List<String> gcNames() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList();
  }

  private static Duration duration(String text) {
    return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
  }

  private static void progress(String format, Object... args) {
    System.err.println(
        LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(format, args));
  }
}
