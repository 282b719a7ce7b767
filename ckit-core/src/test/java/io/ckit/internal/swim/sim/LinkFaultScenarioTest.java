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
 * Faults on single links that SWIM's indirect probes route around: an asymmetric partition (one
 * direction of one link down for ten minutes) and a flapping link (down 3 s, up 3 s for five
 * minutes). Nobody may be declared dead (seeded; {@code -Dckit.sim.seed=}).
 */
class LinkFaultScenarioTest {
  private static long deaths(List<SimNode> nodes) {
    long deaths = 0;
    for (SimNode node : nodes) {
      deaths += node.engine().counters().get(SwimCounter.MSG_DEAD);
    }
    return deaths;
  }

  @Test
  void shouldRouteAroundAnAsymmetricPartition() {
    Simulation sim = new Simulation(Simulation.seed(50));
    List<SimNode> nodes = Clusters.converged(sim, 20, Duration.ofSeconds(60));
    SimNode a = nodes.get(3);
    SimNode b = nodes.get(7);
    sim.network().setBlocked(a.index(), b.index(), true);
    sim.runFor(Duration.ofMinutes(10));
    long indirect = 0;
    for (SimNode node : nodes) {
      indirect += node.engine().counters().get(SwimCounter.INDIRECT_PINGS_SERVED);
    }
    System.out.printf("[sim] asymmetric partition %s -> %s: %d indirect pings served, %d deaths%n",
        a.name(), b.name(), indirect, deaths(nodes));
    assertTrue(indirect > 0, "probes across the broken direction went indirect");
    assertEquals(0, deaths(nodes));
    assertTrue(ClusterChecks.converged(nodes, nodes));
  }

  @Test
  void shouldSurviveAFlappingLink() {
    Simulation sim = new Simulation(Simulation.seed(51));
    List<SimNode> nodes = Clusters.converged(sim, 20, Duration.ofSeconds(60));
    sim.flapLink(
        nodes.get(1), nodes.get(2), Duration.ofSeconds(3), Duration.ofSeconds(3),
        sim.now() + Duration.ofMinutes(5).toNanos());
    sim.runFor(Duration.ofMinutes(6));
    System.out.printf("[sim] flapping link: %d deaths%n", deaths(nodes));
    assertEquals(0, deaths(nodes));
    assertTrue(ClusterChecks.converged(nodes, nodes));
  }
}
