package io.ckit.internal.swim.sim;

import io.ckit.internal.swim.SwimCounter;
import io.ckit.internal.wire.NodeStateType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeDebugTest {
  static List<SimNode> cluster(Simulation sim, int n) {
    List<SimNode> nodes = sim.addNodes(n, b -> b);
    sim.start(nodes.get(0), List.of());
    for (int i = 1; i < nodes.size(); i++) {
      SimNode node = nodes.get(i);
      sim.at(sim.now() + i * 10_000_000L, () -> sim.start(node, List.of(nodes.get(0))));
    }
    long t = sim.runUntil(() -> ClusterChecks.converged(nodes, nodes), Duration.ofSeconds(600), Duration.ofMillis(500));
    System.out.println("n=" + n + " converged at " + t / 1e9 + " events=" + sim.eventsRun());
    return nodes;
  }

  @Test
  void lossy() {
    long wall = System.nanoTime();
    Simulation sim = new Simulation(Simulation.seed(2));
    List<SimNode> nodes = cluster(sim, 100);
    sim.network().loss(0.10);
    java.util.Set<String> seen = new java.util.HashSet<>();
    CkitLikeDelegate.DEBUG_LEAVE = m -> {
      if (seen.add(m.name() + m.incarnation())) {
        SimNode v = sim.node(m.name());
        System.out.println("t=" + sim.now() / 1e9 + " DEAD " + m.name() + " inc=" + m.incarnation() + " victim inc=" + v.engine().member(v.name()).incarnation() + " refutes=" + v.engine().counters().get(SwimCounter.REFUTES) + " health=" + v.engine().healthScore());
      }
    };
    sim.runFor(Duration.ofMinutes(10));
    long suspects = 0, deads = 0, refutes = 0;
    for (SimNode n : nodes) {
      suspects += n.engine().counters().get(SwimCounter.MSG_SUSPECT);
      deads += n.engine().counters().get(SwimCounter.MSG_DEAD);
      refutes += n.engine().counters().get(SwimCounter.REFUTES);
    }
    System.out.println("suspect=" + suspects + " dead=" + deads + " refutes=" + refutes + " converged=" + ClusterChecks.converged(nodes, nodes) + " wall=" + (System.nanoTime() - wall) / 1e9 + " events=" + sim.eventsRun());
    TrafficStats t = sim.totalTraffic();
    System.out.println("bytes/s/node=" + t.bytesSent() / 100.0 / sim.now() * 1e9);
  }

  @Test
  void crash() {
    Simulation sim = new Simulation(Simulation.seed(3));
    List<SimNode> nodes = cluster(sim, 20);
    SimNode victim = nodes.get(7);
    long t0 = sim.now();
    sim.crash(victim);
    long t = sim.runUntil(() -> ClusterChecks.allSee(nodes, victim, NodeStateType.DEAD), Duration.ofSeconds(600), Duration.ofMillis(100));
    System.out.println("crash detected by all after " + (t - t0) / 1e9);
  }

  @Test
  void pause() {
    Simulation sim = new Simulation(Simulation.seed(4));
    List<SimNode> nodes = cluster(sim, 20);
    for (int p : new int[] {3, 8}) {
      SimNode victim = nodes.get(p);
      sim.pause(victim, Duration.ofSeconds(p));
      int maxSuspect = 0;
      for (int i = 0; i < 600; i++) {
        sim.runFor(Duration.ofMillis(100));
        maxSuspect = Math.max(maxSuspect, ClusterChecks.countSeeing(nodes, victim, NodeStateType.SUSPECT));
      }
      System.out.println("pause " + p + "s: max suspecting=" + maxSuspect + " dead=" + ClusterChecks.countSeeing(nodes, victim, NodeStateType.DEAD) + " inc=" + victim.engine().member(victim.name()).incarnation());
    }
  }
}
