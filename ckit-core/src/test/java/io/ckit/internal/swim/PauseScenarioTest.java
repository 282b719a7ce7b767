/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.sim.ClusterChecks;
import io.ckit.internal.swim.sim.Clusters;
import io.ckit.internal.swim.sim.SimNode;
import io.ckit.internal.swim.sim.Simulation;
import io.ckit.internal.wire.NodeStateType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A process pause (a GC pause: the node processes nothing, its inputs queue up) that starts right
 * after another node began probing it (seeded; {@code -Dckit.sim.seed=}).
 *
 * <p>With ckit's timing (probe interval 5 s, probe timeout 2 s) a probe waits for its ack until the
 * end of the probe interval, and a paused node answers its queued pings as soon as it resumes. So a
 * 3 s pause is not even suspected; a pause longer than the probe interval (8 s here) is suspected
 * and refuted after the pause, long before the suspicion timeout (26 s minimum for 20 nodes).
 */
class PauseScenarioTest {
  private static final int N = 20;

  /** Runs until some node starts probing {@code victim}; returns that prober. */
  private static SimNode untilProbed(Simulation sim, List<SimNode> nodes, SimNode victim) {
    SimNode[] prober = new SimNode[1];
    long at =
        sim.runUntil(
            () -> {
              for (SimNode node : nodes) {
                if (node != victim && victim.name().equals(node.engine().prober().probeTarget())) {
                  prober[0] = node;
                  return true;
                }
              }
              return false;
            },
            Duration.ofMinutes(5),
            Duration.ofMillis(1));
    assertTrue(at >= 0, "nobody probed the victim");
    return prober[0];
  }

  private static int suspecting(List<SimNode> nodes, SimNode victim, long forNanos, Simulation sim) {
    int max = 0;
    long end = sim.now() + forNanos;
    while (sim.now() < end) {
      sim.runFor(Duration.ofMillis(50));
      max = Math.max(max, ClusterChecks.countSeeing(nodes, victim, NodeStateType.SUSPECT));
      assertEquals(0, ClusterChecks.countSeeing(nodes, victim, NodeStateType.DEAD), "declared dead");
    }
    return max;
  }

  @Test
  void shouldNotEvenSuspectANodePausedForThreeSeconds() {
    Simulation sim = new Simulation(Simulation.seed(40));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode victim = nodes.get(5);
    untilProbed(sim, nodes, victim);
    sim.pause(victim, Duration.ofSeconds(3));
    int maxSuspecting = suspecting(nodes, victim, 60_000_000_000L, sim);
    System.out.printf("[sim] 3 s pause: at most %d nodes suspected it%n", maxSuspecting);
    assertEquals(0, maxSuspecting, "the queued ping was answered within the probe interval");
    assertEquals(1, victim.engine().member(victim.name()).incarnation(), "nothing to refute");
    assertTrue(ClusterChecks.converged(nodes, nodes));
  }

  @Test
  void shouldRefuteASuspicionCausedByAnEightSecondPause() {
    Simulation sim = new Simulation(Simulation.seed(41));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode victim = nodes.get(5);
    untilProbed(sim, nodes, victim);
    sim.pause(victim, Duration.ofSeconds(8));
    int maxSuspecting = suspecting(nodes, victim, 60_000_000_000L, sim);
    int incarnation = victim.engine().member(victim.name()).incarnation();
    System.out.printf(
        "[sim] 8 s pause: suspected by up to %d nodes, refuted with incarnation %d%n",
        maxSuspecting, incarnation);
    assertTrue(maxSuspecting > 0, "the probe in flight failed, so the node was suspected");
    assertTrue(incarnation > 1, "the node refuted the suspicion");
    assertTrue(ClusterChecks.converged(nodes, nodes), "everyone sees it alive again");
  }

  @Test
  void shouldReadmitANodePausedPastTheSuspicionTimeout() {
    Simulation sim = new Simulation(Simulation.seed(42));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode victim = nodes.get(5);
    SwimConfig config = victim.engine().config();
    // Longer than the longest suspicion timeout (156 s for 20 nodes) but shorter than the time
    // to detect, declare dead and reap it (it must still be in the tables to be refuted).
    long pause = ConfigBounds.suspicionMax(config, N) + 2 * config.probeInterval().toNanos();
    sim.pause(victim, Duration.ofNanos(pause));
    long dead =
        sim.runUntil(
            () -> ClusterChecks.allSee(nodes, victim, NodeStateType.DEAD),
            Duration.ofNanos(pause), Duration.ofMillis(100));
    assertTrue(dead >= 0, "a node silent past the suspicion timeout is declared dead");
    sim.runUntil(() -> victim.status() == SimNode.Status.RUNNING, Duration.ofNanos(pause),
        Duration.ofMillis(100));
    long resumed = sim.now();
    long bound = ConfigBounds.heal(config, N);
    long back =
        sim.runUntil(
            () -> ClusterChecks.converged(nodes, nodes), Duration.ofNanos(bound),
            Duration.ofMillis(100));
    System.out.printf(
        "[sim] %.0f s pause: declared dead everywhere, back everywhere %.1f s after resuming"
            + " (bound %.1f s), incarnation %d%n",
        pause / 1e9, (back - resumed) / 1e9, bound / 1e9,
        victim.engine().member(victim.name()).incarnation());
    assertTrue(back >= 0, "it refuted its death after resuming, within the heal bound");
  }
}
