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

/** A thousand ckit nodes join within 30 s and converge (seeded; {@code -Dckit.sim.seed=}). */
class ThousandNodeJoinTest {
  @Test
  void shouldConvergeWhenAThousandNodesJoin() {
    Simulation sim = new Simulation(Simulation.seed(1000));
    List<SimNode> nodes = Clusters.startSpread(sim, 1000, Duration.ofSeconds(30), b -> b);
    // Bound: the last node starts at 30 s. Alive messages spread by gossip within seconds; what
    // gossip misses (memberlist's broadcast queue can drop a message, see TransmitLimitedQueue) is
    // repaired by push/pull, which every node runs every pushPullScale(30 s, 1000) = 180 s after
    // a random stagger below 30 s. So everyone sees everyone by 30 + 30 + 180 = 240 s.
    long bound = 240_000_000_000L;
    long at =
        sim.runUntil(
            () -> sim.now() >= 30_000_000_000L && ClusterChecks.converged(nodes, nodes),
            Duration.ofNanos(bound),
            Duration.ofSeconds(1));
    System.out.printf("[sim] 1000 nodes converged at %.1f s (bound %.0f s), %d events%n",
        at / 1e9, bound / 1e9, sim.eventsRun());
    assertTrue(at >= 0, "did not converge within the bound; seed " + sim.seedValue());
    long suspicions = 0;
    for (SimNode node : nodes.subList(1, nodes.size())) {
      assertEquals(3, node.joinResult().successes() + node.joinResult().errors().size());
      assertTrue(node.joinResult().succeeded(), node + " " + node.joinResult());
    }
    for (SimNode node : nodes) {
      suspicions += node.engine().counters().get(SwimCounter.MSG_SUSPECT);
    }
    assertEquals(0, suspicions, "no node was suspected on a lossless network");
  }
}
