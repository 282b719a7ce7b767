/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.wire.NodeStateType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gossip ticker sleeps while nothing is queued, as under the real ckit layer, and a cluster of
 * such nodes still does everything gossip is for: a joiner, a crash and a leave all reach every
 * node, each woken ticker sending on its next tick. The other scenarios keep the ticker running
 * (see {@link Simulation#sleepingGossip}); this one runs 100 nodes with it asleep when idle.
 */
class SleepingGossipScenarioTest {
  private static final int N = 100;

  /** Returns how many events the simulation runs in a quiet minute after converging. */
  private static long quietMinuteEvents(long seed, boolean sleeping) {
    Simulation sim = new Simulation(seed);
    sim.sleepingGossip(sleeping);
    Clusters.converged(sim, N, Duration.ofSeconds(120));
    sim.runFor(Duration.ofSeconds(30)); // let the join broadcasts run out
    long before = sim.eventsRun();
    sim.runFor(Duration.ofSeconds(60));
    return sim.eventsRun() - before;
  }

  @Test
  void shouldWakeOnlyForProbesWhenIdle() {
    long seed = Simulation.seed(90);
    long ticking = quietMinuteEvents(seed, false);
    long sleeping = quietMinuteEvents(seed, true);
    System.out.printf(
        "[sim] a quiet minute at %d nodes: %d events with the ticker running, %d with it asleep%n",
        N, ticking, sleeping);
    // Running, every node wakes 5 times a second for gossip alone (30,000 events a minute at 100
    // nodes) besides its probes; asleep, only probes, acks and push/pulls remain.
    assertTrue(sleeping * 3 < ticking, "asleep: " + sleeping + " events, running: " + ticking);
  }

  @Test
  void shouldSpreadAJoinACrashAndALeaveWithSleepingTickers() {
    Simulation sim = new Simulation(Simulation.seed(91));
    sim.sleepingGossip(true);
    List<SimNode> nodes = new ArrayList<>(Clusters.converged(sim, N, Duration.ofSeconds(120)));
    sim.runFor(Duration.ofSeconds(30));

    // A joiner's alive message is gossiped by tickers that were asleep.
    SimNode joiner = sim.addNode(b -> b);
    long joinedAt = sim.now();
    sim.start(joiner, List.of(nodes.get(0)));
    nodes.add(joiner);
    long seen =
        sim.runUntil(
            () -> ClusterChecks.converged(nodes, nodes),
            Duration.ofSeconds(20),
            Duration.ofMillis(50));
    assertTrue(seen >= 0, "not every node saw the joiner within 20 s");
    System.out.printf("[sim] joiner seen by all %d nodes after %.2f s%n",
        nodes.size(), (seen - joinedAt) / 1e9);
    sim.runFor(Duration.ofSeconds(30));

    // A crash: suspicion and then death are gossiped by tickers woken for them.
    SimNode victim = nodes.get(17);
    FailureScenariosTest.crashAndAwaitDeath(sim, nodes, victim, Duration.ofMillis(100));
    nodes.remove(victim);
    assertTrue(ClusterChecks.converged(nodes, nodes), "no survivor was lost");
    sim.runFor(Duration.ofSeconds(30));

    // A graceful leave reaches everyone as left, within a few gossip rounds.
    SimNode leaver = nodes.get(42);
    long leftAt = sim.now();
    sim.leave(leaver, Duration.ofSeconds(5));
    long left =
        sim.runUntil(
            () -> ClusterChecks.allSee(nodes, leaver, NodeStateType.LEFT),
            Duration.ofSeconds(10),
            Duration.ofMillis(10));
    assertTrue(left >= 0, "not every node saw the leave within 10 s");
    System.out.printf("[sim] leave seen by all after %.2f s%n", (left - leftAt) / 1e9);
  }
}
