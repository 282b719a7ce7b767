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
 * An outsider floods a 20-node cluster with undecodable packets and streams, 40 a second for ten
 * simulated minutes ({@link GarbageSender}; seeded, {@code -Dckit.sim.seed=}). Every piece is
 * dropped and counted (malformed, CRC mismatch, unknown type, compound truncated) or, on a stream,
 * answered with an error or closed; no engine throws, nobody is declared dead, and the views stay
 * converged.
 */
class GarbageScenarioTest {
  private static final int N = 20;

  @Test
  void shouldDropAndCountGarbageWithoutDisturbingTheCluster() {
    Simulation sim = new Simulation(Simulation.seed(95));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    GarbageSender garbage = new GarbageSender(sim, sim.seedValue() ^ 0x6A7BL, "10.200.0.1:40000");
    sim.runFor(Duration.ofSeconds(10)); // sample some real traffic first
    garbage.start(nodes, Duration.ofMillis(25), sim.now() + Duration.ofMinutes(10).toNanos());
    sim.runFor(Duration.ofMinutes(10));
    long malformed = ClusterChecks.sum(nodes, SwimCounter.DROPPED_MALFORMED);
    long crc = ClusterChecks.sum(nodes, SwimCounter.DROPPED_CRC_MISMATCH);
    long unknown = ClusterChecks.sum(nodes, SwimCounter.DROPPED_UNKNOWN_TYPE);
    long truncated = ClusterChecks.sum(nodes, SwimCounter.DROPPED_COMPOUND_TRUNCATED);
    long streamErrors = ClusterChecks.sum(nodes, SwimCounter.STREAM_ERRORS);
    long deaths = ClusterChecks.sum(nodes, SwimCounter.MSG_DEAD);
    long timerErrors = 0;
    for (SimNode node : nodes) {
      timerErrors += node.engine().timerErrors();
    }
    System.out.printf(
        "[sim] garbage, %d pieces (%d random, %d truncated, %d corrupted, %d type+random packets;"
            + " %d random, %d truncated streams): dropped %d malformed, %d CRC, %d unknown type,"
            + " %d truncated compound parts; %d streams answered, %d closed; %d dead updates%n",
        garbage.sentTotal(), garbage.sent(GarbageSender.Kind.RANDOM_PACKET),
        garbage.sent(GarbageSender.Kind.TRUNCATED_PACKET),
        garbage.sent(GarbageSender.Kind.CORRUPTED_PACKET),
        garbage.sent(GarbageSender.Kind.TYPE_THEN_RANDOM),
        garbage.sent(GarbageSender.Kind.RANDOM_STREAM),
        garbage.sent(GarbageSender.Kind.TRUNCATED_STREAM),
        malformed, crc, unknown, truncated, garbage.answered(),
        garbage.closedWithoutReply(), deaths);
    assertEquals(24_000, garbage.sentTotal());
    assertTrue(malformed > 0 && crc > 0 && unknown > 0, "each drop counter moved");
    assertEquals(
        garbage.sent(GarbageSender.Kind.RANDOM_STREAM)
            + garbage.sent(GarbageSender.Kind.TRUNCATED_STREAM),
        garbage.answered() + garbage.closedWithoutReply(),
        "every garbage stream was answered or closed");
    assertEquals(0, timerErrors);
    assertEquals(0, deaths, "no false death");
    assertTrue(ClusterChecks.converged(nodes, nodes), "views stay converged");
  }
}
