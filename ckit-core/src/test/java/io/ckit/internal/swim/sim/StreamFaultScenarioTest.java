/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.SwimCounter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Peers that hold streams open (seeded; {@code -Dckit.sim.seed=}): one node that stalls every
 * stream dialed to it (accepts, reads, never answers) and one whose answers come late. Failure
 * detection runs on packets, so nobody may be declared dead; push/pulls to the stalled node end by
 * the dialer's own timeout (the TCP timeout, 2 s), are counted, and never pile up.
 */
class StreamFaultScenarioTest {
  private static final int N = 20;

  @Test
  void shouldTimeOutPushPullsToAStalledPeerWithoutFalseDeaths() {
    Simulation sim = new Simulation(Simulation.seed(90));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode stalled = nodes.get(6);
    stalled.stallStreams(true);
    long timeoutsBefore = ClusterChecks.sum(nodes, SwimCounter.STREAM_TIMEOUTS);
    sim.runFor(Duration.ofMinutes(10));
    // Stop stalling new streams and give the ones held open their dial timeout to expire.
    stalled.stallStreams(false);
    long stalledStreams = stalled.streamsStalled();
    sim.runFor(nodes.get(0).engine().config().tcpTimeout().plusSeconds(1));
    long timeouts = ClusterChecks.sum(nodes, SwimCounter.STREAM_TIMEOUTS) - timeoutsBefore;
    long failed = ClusterChecks.sum(nodes, SwimCounter.PUSH_PULL_FAILED);
    long deaths = ClusterChecks.sum(nodes, SwimCounter.MSG_DEAD);
    assertTrue(stalledStreams > 0, "peers did push/pull with the stalled node");
    assertEquals(stalledStreams, timeouts, "every stalled stream ended by the dialer's timeout");
    assertEquals(0, deaths, "no false death");

    stalled.stallStreams(true);

    // A new node whose only seed is the stalled peer cannot join; through another seed it can.
    SimNode late = sim.addNode(b -> b);
    sim.start(late, List.of(stalled));
    sim.runUntil(() -> late.joinResult() != null, Duration.ofSeconds(10), Duration.ofMillis(10));
    assertFalse(late.joinResult().succeeded(), "a join through a stalled seed fails by timeout");
    late.engine().join(List.of(nodes.get(0).address()), sim.now(), r -> { });
    sim.wake(late);
    List<SimNode> all = new java.util.ArrayList<>(nodes);
    all.add(late);
    long joinedAt =
        sim.runUntil(
            () -> ClusterChecks.converged(all, all), Duration.ofSeconds(60), Duration.ofMillis(100));
    System.out.printf(
        "[sim] stalled streams at %s for 10 min: %d streams stalled, %d dial timeouts, %d failed"
            + " push/pulls, %d dead updates; late joiner converged %s%n",
        stalled.name(), stalledStreams, timeouts, failed, deaths, joinedAt >= 0 ? "yes" : "no");
    assertTrue(joinedAt >= 0, "the late joiner converged through a healthy seed");
  }

  @Test
  void shouldToleratePeersThatAnswerStreamsSlowly() {
    Simulation sim = new Simulation(Simulation.seed(91));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode sluggish = nodes.get(2);
    SimNode tooSlow = nodes.get(9);
    // Inside the 2 s dial timeout: push/pulls succeed. Beyond it: they time out.
    sluggish.slowStreams(Duration.ofMillis(1500));
    tooSlow.slowStreams(Duration.ofSeconds(5));
    sim.runFor(Duration.ofMinutes(10));
    long timeouts = ClusterChecks.sum(nodes, SwimCounter.STREAM_TIMEOUTS);
    long deaths = ClusterChecks.sum(nodes, SwimCounter.MSG_DEAD);
    System.out.printf(
        "[sim] slow stream answers (1.5 s and 5 s) for 10 min: %d dial timeouts, %d dead updates%n",
        timeouts, deaths);
    assertTrue(timeouts > 0, "answers later than the dial timeout count as timeouts");
    assertEquals(0, deaths, "no false death");
    assertTrue(ClusterChecks.converged(nodes, nodes));
  }
}
