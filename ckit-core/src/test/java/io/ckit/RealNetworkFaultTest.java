/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.ConfigBounds;
import io.ckit.internal.swim.SwimConfig;
import io.ckit.internal.swim.SwimCounter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator's network faults on five real nodes over real Jetty on loopback ({@link
 * LoopbackCluster}, {@link NetworkFaults}): packet loss of 1, 10 and 30%, latency with jitter, an
 * asymmetric partition of one link, and a flapping link, each for 10 s of wall-clock time (longer
 * with {@code -Dckit.faults.seconds=N}).
 *
 * <p>Eventual properties only, awaited with timeouts: after each fault every node lists every
 * running node in the state that node reports, within {@link ConfigBounds#heal} of the test
 * timings (plus {@link #SLACK} for a loaded machine), and no node is declared dead where Lifeguard
 * leaves no room for it (1% and 10% loss, jitter, one broken link, a flapping link). At 30% loss
 * false deaths are possible; they are counted and printed. The simulator runs the same faults for
 * simulated hours on up to 100 nodes ({@code io.ckit.internal.swim.sim}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RealNetworkFaultTest {
  private static final int N = 5;
  /** How long each fault lasts: {@code -Dckit.faults.seconds}, 10 by default (CI). */
  private static final Duration FAULT =
      Duration.ofSeconds(Long.getLong("ckit.faults.seconds", 10));
  /** Scheduling slack on a shared 2-core machine, added to every derived bound. */
  static final Duration SLACK = Duration.ofSeconds(5);

  private LoopbackCluster cluster;
  private List<LoopbackCluster.Member> nodes;
  private Duration healBound;

  @BeforeEach
  void startCluster() {
    cluster = new LoopbackCluster(41, b -> b);
    nodes = cluster.startAll("real", N);
    SwimConfig config = ConfigBounds.of(nodes.get(0).node().config());
    healBound = Duration.ofNanos(ConfigBounds.heal(config, N)).plus(SLACK);
    assertTrue(LoopbackCluster.await(cluster::converged, Duration.ofSeconds(30)) >= 0,
        "the cluster formed");
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  /** Ends the fault, awaits convergence within the heal bound and prints the outcome. */
  private long healAndReport(String what) {
    long deadUpdates = cluster.sum(SwimCounter.MSG_DEAD);
    long suspicions = cluster.sum(SwimCounter.MSG_SUSPECT);
    long refutations = cluster.sum(SwimCounter.REFUTES);
    NetworkFaults faults = cluster.faults();
    long dropped = faults.dropped();
    long held = faults.held();
    faults.clear();
    long healed = LoopbackCluster.await(cluster::converged, healBound);
    System.out.printf(
        "[real] %s, %d nodes, %d s: %d packets dropped, %d streams held, %d suspicion updates,"
            + " %d refutations, %d dead updates; converged %.1f s after the fault ended"
            + " (bound %.1f s)%n",
        what, N, FAULT.toSeconds(), dropped, held, suspicions, refutations, deadUpdates,
        healed / 1e9, healBound.toMillis() / 1e3);
    assertTrue(healed >= 0, what + ": every node lists every node alive within the heal bound");
    return deadUpdates;
  }

  @ParameterizedTest(name = "{0}% loss")
  @ValueSource(ints = {1, 10, 30})
  void shouldConvergeAfterPacketLoss(int percent) {
    cluster.faults().loss(percent / 100.0);
    LoopbackCluster.hold(FAULT);
    long deadUpdates = healAndReport(percent + "% packet loss");
    if (percent <= 10) {
      assertEquals(0, deadUpdates, "no false death at " + percent + "% loss");
    }
  }

  @Test
  void shouldDeclareNobodyDeadUnderLatencyWithJitter() {
    // 10-150 ms per request: above the loopback's microseconds, below the 500 ms probe timeout.
    cluster.faults().latency(Duration.ofMillis(10), Duration.ofMillis(150));
    LoopbackCluster.hold(FAULT);
    assertTrue(cluster.faults().delayed() > 0);
    assertEquals(0, healAndReport("latency 10-150 ms"), "no false death");
  }

  @Test
  void shouldRouteAroundAnAsymmetricPartition() {
    cluster.block(nodes.get(1), nodes.get(3), true);
    LoopbackCluster.hold(FAULT);
    long indirect = cluster.sum(SwimCounter.INDIRECT_PINGS_SERVED);
    assertEquals(0, healAndReport("one link blocked one way"), "no false death");
    assertTrue(indirect > 0, "probes across the broken direction went indirect");
  }

  @Test
  void shouldSurviveAFlappingLink() {
    LoopbackCluster.Member a = nodes.get(0);
    LoopbackCluster.Member b = nodes.get(2);
    long end = System.nanoTime() + FAULT.toNanos();
    boolean down = false;
    while (System.nanoTime() - end < 0) {
      down = !down;
      cluster.block(a, b, down);
      cluster.block(b, a, down);
      LoopbackCluster.hold(Duration.ofMillis(1500));
    }
    assertEquals(0, healAndReport("link flapping 1.5 s down, 1.5 s up"), "no false death");
  }
}
