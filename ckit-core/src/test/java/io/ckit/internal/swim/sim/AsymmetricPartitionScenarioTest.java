/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.ConfigBounds;
import io.ckit.internal.swim.SwimConfig;
import io.ckit.internal.swim.SwimCounter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Asymmetric partitions wider than one link (seeded; {@code -Dckit.sim.seed=}): a node that can
 * hear everyone but reach nobody, and two halves of which only one can reach the other. The single
 * broken link is in {@link LinkFaultScenarioTest}.
 *
 * <p>SWIM cannot tell "cannot reach me" from "dead", so a one-way fault longer than the suspicion
 * timeout ends in deaths. A shorter one ends in deaths too when the muted side is a single node:
 * it hears the suspicion and refutes at once, but its refutation is gossiped into the void until its
 * retransmit limit is spent, and afterwards it ignores the (older-incarnation) suspect and dead
 * messages about itself, so nothing but a push/pull carries its higher incarnation out; memberlist
 * v0.5.3 behaves the same. Halves that each still have live peers refute in time and lose no one.
 * Once the fault ends every view must be right again within {@link ConfigBounds#heal}, except after
 * a long split in which each side reaped the other: then, as after a symmetric partition, one node
 * must join the other side again.
 */
class AsymmetricPartitionScenarioTest {
  private static final int N = 20;

  private static void blockOutbound(Simulation sim, List<SimNode> nodes, SimNode from, boolean b) {
    for (SimNode to : nodes) {
      if (to != from) {
        sim.network().setBlocked(from.index(), to.index(), b);
      }
    }
  }

  private static void blockHalves(Simulation sim, List<SimNode> nodes, boolean b) {
    for (SimNode from : nodes.subList(0, N / 2)) {
      for (SimNode to : nodes.subList(N / 2, N)) {
        sim.network().setBlocked(from.index(), to.index(), b);
      }
    }
  }

  /** Runs until healed, prints and returns the heal time, asserting the bound. */
  private static long healed(Simulation sim, List<SimNode> nodes, String what) {
    SwimConfig config = nodes.get(0).engine().config();
    long bound = ConfigBounds.heal(config, N);
    long from = sim.now();
    long at =
        sim.runUntil(
            () -> ClusterChecks.converged(nodes, nodes), Duration.ofNanos(bound),
            Duration.ofMillis(100));
    Set<String> departed = ClusterChecks.departed(nodes);
    System.out.printf(
        "[sim] %s: %d suspicion updates, %d dead updates, declared dead: %s; all views right"
            + " %.1f s later (bound %.1f s)%n",
        what, ClusterChecks.sum(nodes, SwimCounter.MSG_SUSPECT),
        ClusterChecks.sum(nodes, SwimCounter.MSG_DEAD), departed,
        at < 0 ? -1.0 : (at - from) / 1e9, bound / 1e9);
    assertTrue(at >= 0, what + ": every node sees every node alive within the heal bound");
    return at - from;
  }

  @Test
  void shouldReadmitANodeThatCouldNotSendForFifteenSeconds() {
    Simulation sim = new Simulation(Simulation.seed(60));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode mute = nodes.get(4);
    // 15 s < the minimum suspicion timeout for 20 nodes (26.02 s), yet see the class comment.
    blockOutbound(sim, nodes, mute, true);
    sim.runFor(Duration.ofSeconds(15));
    assertTrue(mute.engine().counters().get(SwimCounter.REFUTES) > 0, "it heard and refuted");
    blockOutbound(sim, nodes, mute, false);
    healed(sim, nodes, "node mute for 15 s");
    assertEquals(Set.of(mute.name()), ClusterChecks.departed(nodes), "no one else died");
  }

  @Test
  void shouldReadmitANodeThatCouldNotSendForThreeMinutes() {
    Simulation sim = new Simulation(Simulation.seed(61));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode mute = nodes.get(4);
    blockOutbound(sim, nodes, mute, true);
    sim.runFor(Duration.ofMinutes(3));
    assertTrue(
        ClusterChecks.departed(nodes).contains(mute.name()),
        "a node nobody hears for 3 min is declared dead");
    blockOutbound(sim, nodes, mute, false);
    healed(sim, nodes, "node mute for 3 min");
  }

  @Test
  void shouldHealAOneWayPartitionBetweenHalves() {
    Simulation sim = new Simulation(Simulation.seed(62));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    blockHalves(sim, nodes, true);
    sim.runFor(Duration.ofSeconds(15));
    blockHalves(sim, nodes, false);
    healed(sim, nodes, "halves one-way for 15 s");
    assertEquals(0, ClusterChecks.sum(nodes, SwimCounter.MSG_DEAD), "no death");
  }

  @Test
  void shouldHealALongOneWayPartitionBetweenHalves() {
    Simulation sim = new Simulation(Simulation.seed(63));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    blockHalves(sim, nodes, true);
    sim.runFor(Duration.ofMinutes(3));
    blockHalves(sim, nodes, false);
    SimNode a = nodes.get(0);
    SimNode b = nodes.get(N - 1);
    sim.runFor(Duration.ofSeconds(10));
    assertEquals(N / 2, a.engine().numMembers(), "each half reaped the other");
    assertEquals(N / 2, b.engine().numMembers());
    // No automatic reconnection: a node joins the other side again, as ckit applications do.
    a.engine().join(List.of(b.address()), sim.now(), r -> { });
    sim.wake(a);
    healed(sim, nodes, "halves one-way for 3 min, timed from a rejoin 10 s after");
  }
}
