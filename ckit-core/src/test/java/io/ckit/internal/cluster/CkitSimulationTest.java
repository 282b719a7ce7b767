/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.log.NodeLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.SwimEngine;
import io.ckit.internal.swim.sim.ClusterChecks;
import io.ckit.internal.swim.sim.SimNode;
import io.ckit.internal.swim.sim.Simulation;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The real ckit layer on 50 simulated engines (seeded; {@code -Dckit.sim.seed=}): after the
 * cluster formed, every node becomes a participant and ten then terminate, each at a random
 * moment; every node must end up seeing every other in its final state, through State gossip and
 * push/pull repair, and every change's broadcast must finish.
 */
class CkitSimulationTest {
  private static final int N = 50;

  /** One simulated ckit node: its layer and the last peer list it published. */
  private static final class CkitNode {
    final LamportClock clock = new LamportClock();
    final CkitLayer layer;
    List<Peer> peers = List.of();
    int changesDone;

    CkitNode(String name) {
      NodeMetrics metrics = new NodeMetrics("", clock::now, () -> null, null);
      layer = new CkitLayer(name, 4, clock, metrics, list -> peers = list, NodeLog.node(name, System::nanoTime));
    }
  }

  @Test
  void shouldConvergeStateChangesAcrossFiftyNodes() {
    Simulation sim = new Simulation(Simulation.seed(50));
    List<SimNode> nodes = sim.addNodes(N, b -> b);
    Map<SimNode, CkitNode> ckit = new HashMap<>();
    SplittableRandom random = new SplittableRandom(sim.seedValue());
    for (int i = 0; i < N; i++) {
      SimNode node = nodes.get(i);
      CkitNode layer = new CkitNode(node.name());
      ckit.put(node, layer);
      SimNode seed = nodes.get(random.nextInt(Math.max(1, i)));
      sim.at(
          i * 100_000_000L, // one node every 100 ms
          () -> {
            SwimEngine engine =
                sim.startWith(
                    node,
                    (config, network, unused, rnd, now) ->
                        SwimEngine.start(config, network, layer.layer, rnd, now));
            if (seed != node) {
              engine.join(List.of(seed.address()), sim.now(), result -> {});
            }
            sim.wake(node);
          });
    }
    long formed =
        sim.runUntil(
            () -> sim.now() >= N * 100_000_000L && ClusterChecks.converged(nodes, nodes),
            Duration.ofSeconds(120),
            Duration.ofMillis(100));
    assertTrue(formed >= 0, "the cluster did not form; seed " + sim.seedValue());

    Map<String, State> expected = new HashMap<>();
    long start = sim.now();
    for (int i = 0; i < N; i++) {
      SimNode node = nodes.get(i);
      CkitNode layer = ckit.get(node);
      boolean terminate = i % 5 == 0;
      expected.put(node.name(), terminate ? State.TERMINATING : State.PARTICIPANT);
      long at = start + random.nextLong(5_000_000_000L);
      sim.at(at, () -> change(sim, node, layer, State.PARTICIPANT));
      if (terminate) {
        sim.at(at + random.nextLong(2_000_000_000L),
            () -> change(sim, node, layer, State.TERMINATING));
      }
    }
    long converged =
        sim.runUntil(
            () -> sim.now() >= start + 7_000_000_000L && allSee(nodes, ckit, expected),
            Duration.ofSeconds(120),
            Duration.ofMillis(100));
    System.out.printf("[sim] %d nodes agreed on every state %.1f s after the first change%n",
        N, (converged - start) / 1e9);
    assertTrue(converged >= 0, "states did not converge; seed " + sim.seedValue());
    sim.runFor(Duration.ofSeconds(10));
    for (SimNode node : nodes) {
      CkitNode layer = ckit.get(node);
      int changes = expected.get(node.name()) == State.TERMINATING ? 2 : 1;
      assertEquals(changes, layer.changesDone, node + ": every change's broadcast finished");
      assertEquals(0, layer.layer.queuedBroadcasts(), node + ": nothing left to gossip");
    }
  }

  private static void change(Simulation sim, SimNode node, CkitNode layer, State to) {
    layer.layer.changeState(to, () -> layer.changesDone++);
    sim.wake(node);
  }

  private static boolean allSee(
      List<SimNode> nodes, Map<SimNode, CkitNode> ckit, Map<String, State> expected) {
    for (SimNode node : nodes) {
      List<Peer> peers = ckit.get(node).peers;
      if (peers.size() != expected.size()) {
        return false;
      }
      for (Peer peer : peers) {
        if (peer.state() != expected.get(peer.name())) {
          return false;
        }
      }
    }
    return true;
  }
}
