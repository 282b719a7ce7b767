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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 50 nodes for 20 simulated minutes with 1%, 10% and 30% packet loss on every link (streams are TCP
 * and not lossy), then a clean network (seeded; {@code -Dckit.sim.seed=}).
 *
 * <p>What Lifeguard promises and what this asserts: at 1% and 10% loss the indirect probes, nacks
 * and the long, confirmation-shortened suspicion timeouts leave no room for a false death, so none
 * may happen. At 30% loss (a probe, its three indirect probes and their acks all fail together far
 * more often) memberlist can and does declare live nodes dead; the test measures and prints how many,
 * and asserts only that every false death is refuted: once the loss stops, every node sees every
 * node alive again within {@link ConfigBounds#heal}.
 */
class LossSweepScenarioTest {
  private static final int N = 50;

  @ParameterizedTest(name = "{0}% loss")
  @CsvSource({"1, 70", "10, 71", "30, 72"})
  void shouldRefuteEveryFalseSuspicionAndHealOnceLossStops(int percent, long seed) {
    Simulation sim = new Simulation(Simulation.seed(seed));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SwimConfig config = nodes.get(0).engine().config();
    sim.network().loss(percent / 100.0);
    int samples = 0;
    int convergedSamples = 0;
    for (int s = 0; s < 20 * 6; s++) {
      sim.runFor(Duration.ofSeconds(10));
      samples++;
      if (ClusterChecks.converged(nodes, nodes)) {
        convergedSamples++;
      }
    }
    long suspicions = ClusterChecks.sum(nodes, SwimCounter.MSG_SUSPECT);
    long refutations = ClusterChecks.sum(nodes, SwimCounter.REFUTES);
    long deadUpdates = ClusterChecks.sum(nodes, SwimCounter.MSG_DEAD);
    Set<String> falselyDead = ClusterChecks.departed(nodes);
    sim.network().loss(0);
    long stoppedAt = sim.now();
    long bound = ConfigBounds.heal(config, N);
    long healedAt =
        sim.runUntil(
            () -> ClusterChecks.converged(nodes, nodes), Duration.ofNanos(bound),
            Duration.ofMillis(100));
    System.out.printf(
        "[sim] %d%% loss, %d nodes, 20 min: %d suspicion updates, %d refutations, %d dead updates,"
            + " %d nodes falsely declared dead %s, converged in %d of %d samples;"
            + " healed %.1f s after the loss stopped (bound %.1f s)%n",
        percent, N, suspicions, refutations, deadUpdates, falselyDead.size(), falselyDead,
        convergedSamples, samples, (healedAt - stoppedAt) / 1e9, bound / 1e9);
    if (percent >= 10) {
      assertTrue(refutations > 0, "the loss causes suspicions that get refuted");
    }
    if (percent <= 10) {
      assertEquals(0, deadUpdates, "no false death at " + percent + "% loss");
    }
    assertTrue(healedAt >= 0, "every node sees every node alive within the heal bound");
  }
}
