package io.ckit.internal.swim.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BigDebugTest {
  @Test
  void big() {
    int n = Integer.getInteger("n", 1000);
    long wall = System.nanoTime();
    Simulation sim = new Simulation(Simulation.seed(7));
    List<SimNode> nodes = sim.addNodes(n, b -> b);
    SplittableRandom r = new SplittableRandom(7);
    sim.start(nodes.get(0), List.of());
    List<SimNode> started = new ArrayList<>();
    started.add(nodes.get(0));
    for (int i = 1; i < n; i++) {
      SimNode node = nodes.get(i);
      long at = (long) (i * (30e9 / n));
      sim.at(at, () -> {
        List<SimNode> seeds = new ArrayList<>();
        for (int k = 0; k < 3; k++) seeds.add(started.get(r.nextInt(started.size())));
        sim.start(node, seeds);
        started.add(node);
      });
    }
    long t = -1;
    while (sim.now() < 300e9) {
      sim.runFor(Duration.ofSeconds(5));
      long missing = 0;
      java.util.Map<io.ckit.internal.swim.SwimCounter, Long> sum = new java.util.TreeMap<>();
      for (SimNode a : nodes) {
        if (a.engine() == null) { missing += n; continue; }
        for (SimNode b : nodes) if (a.engine().memberState(b.name()) != io.ckit.internal.wire.NodeStateType.ALIVE) missing++;
        a.engine().counters().toMap().forEach((k, v) -> sum.merge(k, v, Long::sum));
      }
      System.out.println("t=" + sim.now() / 1e9 + " missing=" + missing + " wall=" + (System.nanoTime() - wall) / 1e9 + " " + sum);
      if (missing == 0) { t = sim.now(); break; }
    }
    System.out.println("n=" + n + " converged at " + t / 1e9 + " wall=" + (System.nanoTime() - wall) / 1e9 + " events=" + sim.eventsRun());
    sim.runUntil(600_000_000_000L);
    System.out.println("10 min done wall=" + (System.nanoTime() - wall) / 1e9 + " events=" + sim.eventsRun() + " converged=" + ClusterChecks.converged(nodes, nodes));
  }
}
