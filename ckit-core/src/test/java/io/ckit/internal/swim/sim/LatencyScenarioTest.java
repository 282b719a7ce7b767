/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.SwimCounter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Latency faults that memberlist's timing absorbs (seeded; {@code -Dckit.sim.seed=}): a WAN-like
 * network with jitter and a heavy tail, and one slow host whose every message takes over a second
 * longer.
 *
 * <p>Why no false death is allowed: a probe waits for its direct ack until the end of the probe
 * interval (5 s), not just the probe timeout (2 s), so a late ack still counts; a probe that does
 * fail leads to a suspicion that the node refutes within seconds, far below the suspicion timeout
 * (at least 4 × log10(n) × 5 s).
 */
class LatencyScenarioTest {
  private static final int N = 30;

  @Test
  void shouldDeclareNobodyDeadOnAJitteryNetworkWithLatencySpikes() {
    Simulation sim = new Simulation(Simulation.seed(80));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    // 20-120 ms per link, up to 80 ms of jitter, and 5% of messages delayed 1-6 s more (past the
    // probe interval sometimes, so some probes fail).
    sim.network()
        .latency(20_000_000L, 120_000_000L, 80_000_000L)
        .spikes(0.05, 1_000_000_000L, 6_000_000_000L);
    sim.runFor(Duration.ofMinutes(20));
    long suspicions = ClusterChecks.sum(nodes, SwimCounter.MSG_SUSPECT);
    long failures = ClusterChecks.sum(nodes, SwimCounter.PROBE_FAILURES);
    long deaths = ClusterChecks.sum(nodes, SwimCounter.MSG_DEAD);
    sim.network().latency(500_000L, 2_000_000L, 500_000L).spikes(0, 0, 0);
    long from = sim.now();
    long at =
        sim.runUntil(
            () -> ClusterChecks.converged(nodes, nodes), Duration.ofSeconds(60),
            Duration.ofMillis(100));
    System.out.printf(
        "[sim] jitter and spikes, %d nodes, 20 min: %d probe failures, %d suspicion updates,"
            + " %d dead updates; converged %.1f s after%n",
        N, failures, suspicions, deaths, at < 0 ? -1 : (at - from) / 1e9);
    assertEquals(0, deaths, "no false death");
    assertTrue(at >= 0, "views converge");
  }

  @Test
  void shouldNotDeclareASlowHostDead() {
    Simulation sim = new Simulation(Simulation.seed(81));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode slow = nodes.get(4);
    // 1.2 s each way: a round trip of 2.4 s misses the 2 s probe timeout, so every probe of the
    // slow host goes indirect, yet its acks arrive within the 5 s probe interval.
    sim.network().nodeDelay(slow.index(), 1_200_000_000L);
    sim.runFor(Duration.ofMinutes(20));
    long deaths = ClusterChecks.sum(nodes, SwimCounter.MSG_DEAD);
    long suspicions = ClusterChecks.sum(nodes, SwimCounter.MSG_SUSPECT);
    long indirect = ClusterChecks.sum(nodes, SwimCounter.INDIRECT_PINGS_SERVED);
    int slowHealth = slow.engine().healthScore();
    System.out.printf(
        "[sim] slow host (+1.2 s each way), %d nodes, 20 min: %d indirect pings served,"
            + " %d suspicion updates, %d dead updates, slow host's health score %d%n",
        N, indirect, suspicions, deaths, slowHealth);
    assertTrue(indirect > 0, "probes of the slow host went indirect");
    assertEquals(0, deaths, "no false death");
    sim.network().nodeDelay(slow.index(), 0);
    long at =
        sim.runUntil(
            () -> ClusterChecks.converged(nodes, nodes), Duration.ofSeconds(60),
            Duration.ofMillis(100));
    assertTrue(at >= 0, "views converge");
  }
}
