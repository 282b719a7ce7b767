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
 * 100 nodes for one simulated hour with 10% packet loss on every link (streams are TCP and not
 * lossy): many false suspicions, all refuted, and no false death (seeded; {@code
 * -Dckit.sim.seed=}).
 */
class PacketLossScenarioTest {
  @Test
  void shouldNotDeclareAnyNodeDeadAtTenPercentLossOverAnHour() {
    Simulation sim = new Simulation(Simulation.seed(100));
    List<SimNode> nodes = Clusters.converged(sim, 100, Duration.ofSeconds(60));
    sim.network().loss(0.10);
    long deaths = 0;
    // Check every simulated minute so a death that was later refuted is still caught.
    for (int minute = 0; minute < 60; minute++) {
      sim.runFor(Duration.ofMinutes(1));
      deaths = 0;
      for (SimNode node : nodes) {
        deaths += node.engine().counters().get(SwimCounter.MSG_DEAD);
      }
      assertEquals(0, deaths, "a node was declared dead in minute " + minute);
    }
    long suspicions = 0;
    long refutations = 0;
    for (SimNode node : nodes) {
      suspicions += node.engine().counters().get(SwimCounter.MSG_SUSPECT);
      refutations += node.engine().counters().get(SwimCounter.REFUTES);
    }
    System.out.printf(
        "[sim] 10%% loss, 100 nodes, 1 h: %d suspicion updates, %d refutations, 0 deaths%n",
        suspicions, refutations);
    assertTrue(refutations > 0, "the loss rate does cause suspicions that get refuted");
    assertTrue(ClusterChecks.converged(nodes, nodes), "every node still sees every node alive");
  }
}
