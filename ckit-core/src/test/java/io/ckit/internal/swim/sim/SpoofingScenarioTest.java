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
import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Dead;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.Suspect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forged but well-formed gossip from an outsider, in a 20-node cluster (seeded; {@code
 * -Dckit.sim.seed=}): what unauthenticated memberlist gossip lets a sender do, measured. Every
 * outcome here is memberlist v0.5.3's behaviour; the engine neither adds nor removes a defence.
 */
class SpoofingScenarioTest {
  private static final int N = 20;
  private static final String OUTSIDER = "10.200.0.9:40000";

  private static void inject(Simulation sim, SimNode to, byte[] packet) {
    sim.injectPacket(OUTSIDER, to, packet);
  }

  @Test
  void shouldRefuteAForgedDeathAtOnce() {
    Simulation sim = new Simulation(Simulation.seed(110));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode victim = nodes.get(3);
    int inc = victim.engine().member(victim.name()).incarnation();
    long start = sim.now();
    inject(sim, nodes.get(0), Codec.encode(new Dead(inc, victim.name(), "liar")));
    long at =
        sim.runUntil(
            () -> ClusterChecks.converged(nodes, nodes), Duration.ofSeconds(60),
            Duration.ofMillis(50));
    System.out.printf(
        "[sim] forged dead about %s: seen dead by %d nodes at most, %d refutations; all views"
            + " right %.1f s later%n",
        victim.name(), ClusterChecks.departed(nodes).size(),
        victim.engine().counters().get(SwimCounter.REFUTES), (at - start) / 1e9);
    assertTrue(at >= 0);
    assertTrue(victim.engine().counters().get(SwimCounter.REFUTES) >= 1);
  }

  @Test
  void shouldPinANodeDeadUntilReapedWhenTheForgeryUsesTheLargestIncarnation() {
    Simulation sim = new Simulation(Simulation.seed(111));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SwimConfig config = nodes.get(0).engine().config();
    SimNode victim = nodes.get(3);
    long start = sim.now();
    inject(sim, nodes.get(0), Codec.encode(new Suspect(0xFFFFFFFF, victim.name(), "liar")));
    long dead =
        sim.runUntil(
            () -> ClusterChecks.allSee(nodes, victim, NodeStateType.DEAD),
            Duration.ofNanos(ConfigBounds.detection(config, N)), Duration.ofMillis(100));
    assertTrue(dead >= 0, "the refutation wrapped to incarnation 0 and was ignored everywhere");
    // Reaped gossipToTheDead after death, then re-added by the victim's next push/pull.
    long bound = config.gossipToTheDead().toNanos() + 2L * N * config.probeInterval().toNanos()
        + ConfigBounds.heal(config, N);
    long back =
        sim.runUntil(
            () -> ClusterChecks.converged(nodes, nodes), Duration.ofNanos(bound),
            Duration.ofMillis(100));
    System.out.printf(
        "[sim] forged suspect about %s at incarnation 0xFFFFFFFF: dead everywhere after %.1f s,"
            + " back everywhere %.1f s after that (bound %.1f s), now at incarnation %d%n",
        victim.name(), (dead - start) / 1e9, (back - dead) / 1e9, bound / 1e9,
        victim.engine().member(victim.name()).incarnation());
    assertTrue(back >= 0, "the victim came back after its entry was reaped");
  }

  @Test
  void shouldBreakPushPullWhileAPhantomWithoutVersionsIsKnown() {
    Simulation sim = new Simulation(Simulation.seed(112));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SwimConfig config = nodes.get(0).engine().config();
    long failedBefore = ClusterChecks.sum(nodes, SwimCounter.PUSH_PULL_FAILED);
    // An alive with no protocol versions (what an empty msgpack map after type byte 4 decodes to).
    inject(sim, nodes.get(0),
        Codec.encode(new Alive(1, "phantom", new byte[] {10, (byte) 200, 0, 10}, 7946, null, null)));
    long start = sim.now();
    long gone =
        sim.runUntil(
            () -> nodes.stream().allMatch(n -> n.engine().member("phantom") == null)
                && ClusterChecks.converged(nodes, nodes),
            Duration.ofMinutes(10), Duration.ofMillis(500));
    long failed = ClusterChecks.sum(nodes, SwimCounter.PUSH_PULL_FAILED) - failedBefore;
    System.out.printf(
        "[sim] phantom alive without versions: %d push/pulls failed the version check until it"
            + " was reaped everywhere %.1f s later%n",
        failed, (gone - start) / 1e9);
    assertTrue(gone >= 0, "the phantom was declared dead and reaped everywhere");
    assertTrue(failed > 0, "push/pulls failed while the phantom was known (as in Go)");
    assertEquals(0, ClusterChecks.departed(nodes).stream().filter(n -> !n.equals("phantom"))
        .count(), "no real node died");
    assertTrue(config.gossipToTheDead().toNanos() > 0);
  }

  @Test
  void shouldIgnoreAnAliveThatClaimsALiveNodesNameFromAnotherAddress() {
    Simulation sim = new Simulation(Simulation.seed(113));
    List<SimNode> nodes = Clusters.converged(sim, N, Duration.ofSeconds(60));
    SimNode victim = nodes.get(3);
    for (SimNode target : nodes) {
      inject(sim, target, Codec.encode(new Alive(1_000_000, victim.name(),
          new byte[] {10, (byte) 200, 0, 11}, 7946, null, Codec.CKIT_VSN.clone())));
    }
    sim.runFor(Duration.ofSeconds(30));
    long othersConflicts =
        ClusterChecks.sum(nodes, SwimCounter.CONFLICTS)
            - victim.engine().counters().get(SwimCounter.CONFLICTS);
    System.out.printf("[sim] alive claiming %s's name from another address, sent to all:"
        + " %d conflicts counted, not gossiped on, view unchanged%n", victim.name(),
        ClusterChecks.sum(nodes, SwimCounter.CONFLICTS));
    assertEquals(N - 1, othersConflicts, "every other node counted one conflict");
    for (SimNode node : nodes) {
      assertEquals(victim.address(), node.engine().member(victim.name()).address());
    }
    assertTrue(ClusterChecks.converged(nodes, nodes));
  }
}
