/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.SwimConfig;
import io.ckit.internal.wire.NodeStateType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crash detection and graceful leave in a 20-node cluster (seeded; {@code -Dckit.sim.seed=}). */
class FailureScenariosTest {
  private static final int N = 20;

  /**
   * The SWIM detection bound for a crashed node under ckit's configuration, derived from it:
   *
   * <ul>
   *   <li>first failed probe: every live node probes every other once per round of n - 1 probe
   *       ticks and reshuffles between rounds, so some node starts probing the crashed node within
   *       2 (n - 1) ticks, and that probe fails one (health-scaled, health 0) probe interval later;
   *   <li>suspicion: at most the max timeout, SuspicionMaxTimeoutMult × SuspicionMult × max(1,
   *       log10 n) × ProbeInterval (156.12 s for n = 20), shortened by confirmations;
   *   <li>spread: the first node to declare it dead gossips the dead message to 3 random nodes per
   *       gossip interval; 20 intervals (4 s) cover a 20-node cluster many times over.
   * </ul>
   */
  static long detectionBound(SwimConfig config, int n) {
    long interval = config.probeInterval().toNanos();
    double scale = Math.max(1.0, Math.log10(n));
    long min = (long) (config.suspicionMult() * Math.floor(scale * 1000) * interval / 1000);
    long max = config.suspicionMaxTimeoutMult() * min;
    return 2L * (n - 1) * interval + interval + max + 20 * config.gossipInterval().toNanos();
  }

  /**
   * Crashes {@code victim} and runs until every node of {@code nodes} holds it dead, which must
   * happen within {@link #detectionBound}; prints and returns how long it took.
   *
   * @param every how often to check
   */
  static long crashAndAwaitDeath(
      Simulation sim, List<SimNode> nodes, SimNode victim, Duration every) {
    long bound = detectionBound(victim.engine().config(), nodes.size());
    long crashedAt = sim.now();
    sim.crash(victim);
    long at =
        sim.runUntil(
            () -> ClusterChecks.allSee(nodes, victim, NodeStateType.DEAD),
            Duration.ofNanos(bound),
            every);
    assertTrue(at >= 0, "not every node declared the crashed node dead within the SWIM bound");
    System.out.printf("[sim] crash of %s seen dead by all after %.1f s (bound %.1f s)%n",
        victim.name(), (at - crashedAt) / 1e9, bound / 1e9);
    return at - crashedAt;
  }

  @Test
  void shouldDeclareACrashedNodeDeadEverywhereWithinTheSwimBound() {
    Simulation sim = new Simulation(Simulation.seed(20));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode victim = nodes.get(7);
    crashAndAwaitDeath(sim, nodes, victim, Duration.ofMillis(50));
    List<SimNode> survivors = new ArrayList<>(nodes);
    survivors.remove(victim);
    assertTrue(ClusterChecks.converged(survivors, survivors), "no survivor was lost");
  }

  @Test
  void shouldPropagateAGracefulLeaveAsLeftNotDead() {
    Simulation sim = new Simulation(Simulation.seed(21));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode leaver = nodes.get(3);
    long start = sim.now();
    sim.leave(leaver, Duration.ofSeconds(5));
    boolean[] sawDead = new boolean[1];
    long at =
        sim.runUntil(
            () -> {
              if (ClusterChecks.countSeeing(nodes, leaver, NodeStateType.DEAD) > 0) {
                sawDead[0] = true;
              }
              return ClusterChecks.allSee(nodes, leaver, NodeStateType.LEFT);
            },
            Duration.ofSeconds(10),
            Duration.ofMillis(10));
    System.out.printf("[sim] leave of %s seen by all after %.2f s%n", leaver.name(), (at - start) / 1e9);
    assertTrue(at >= 0, "not every node saw the leave within 10 s");
    assertTrue(!sawDead[0], "no node marked the leaving node dead");
    long finished =
        sim.runUntil(() -> leaver.leaveResult() != null, Duration.ofSeconds(5), Duration.ofMillis(10));
    assertTrue(finished >= 0, "the leave completed within its 5 s timeout");
    assertTrue(leaver.leaveResult().succeeded(), "the leave broadcast finished: " + leaver.leaveResult());
    sim.runFor(Duration.ofMillis(1));
    assertEquals(SimNode.Status.STOPPED, leaver.status());
    // Left nodes are reaped after GossipToTheDeadTime (30 s) on the next probe wrap-around.
    sim.runFor(Duration.ofSeconds(30 + 2 * N * 5));
    for (SimNode node : nodes) {
      if (node != leaver) {
        assertEquals(null, node.engine().memberState(leaver.name()), node + " reaped the left node");
      }
    }
  }

  @Test
  void shouldReadmitACrashedNodeThatRestartsWithTheSameName() {
    Simulation sim = new Simulation(Simulation.seed(22));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode victim = nodes.get(11);
    sim.crash(victim);
    long bound = detectionBound(nodes.get(0).engine().config(), N);
    assertTrue(
        sim.runUntil(
                () -> ClusterChecks.allSee(nodes, victim, NodeStateType.DEAD),
                Duration.ofNanos(bound),
                Duration.ofMillis(100))
            >= 0);
    // Restart before the dead entry is reaped: the fresh process starts at incarnation 1, learns
    // from the push/pull reply that it is considered dead and refutes with a higher incarnation.
    sim.start(victim, List.of(nodes.get(0)));
    long restartedAt = sim.now();
    long at =
        sim.runUntil(
            () -> ClusterChecks.converged(nodes, nodes), Duration.ofSeconds(60), Duration.ofMillis(100));
    System.out.printf("[sim] restarted %s readmitted after %.1f s with incarnation %d%n",
        victim.name(), (at - restartedAt) / 1e9, victim.engine().member(victim.name()).incarnation());
    assertTrue(at >= 0, "the restarted node is alive everywhere again");
    assertTrue(victim.engine().member(victim.name()).incarnation() > 1);
  }
}
