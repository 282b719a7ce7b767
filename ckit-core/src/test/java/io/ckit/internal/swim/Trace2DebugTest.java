package io.ckit.internal.swim;

import io.ckit.internal.swim.sim.ClusterChecks;
import io.ckit.internal.swim.sim.SimNode;
import io.ckit.internal.swim.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Trace2DebugTest {
  @Test
  void trace() {
    Simulation sim = new Simulation(2);
    List<SimNode> nodes = sim.addNodes(100, b -> b);
    sim.start(nodes.get(0), List.of());
    for (int i = 1; i < nodes.size(); i++) {
      SimNode node = nodes.get(i);
      sim.at(sim.now() + i * 10_000_000L, () -> sim.start(node, List.of(nodes.get(0))));
    }
    sim.runUntil(() -> ClusterChecks.converged(nodes, nodes), Duration.ofSeconds(600), Duration.ofMillis(500));
    sim.network().loss(0.10);
    SimNode victim = sim.node("node-91");
    sim.runUntil(30_850_000_000L);
    for (int i = 0; i < 40; i++) {
      sim.runFor(Duration.ofMillis(10));
      List<String> q = new ArrayList<>();
      for (TransmitLimitedQueue.Item it : victim.engine().broadcasts().orderedView(false)) {
        q.add(it.name + "/" + it.transmits + "/" + it.broadcast.message()[0]);
      }
      System.out.println("t=" + sim.now() / 1e9 + " inc=" + victim.engine().member("node-91").incarnation() + " q=" + q + " refutes=" + victim.engine().counters().get(SwimCounter.REFUTES));
    }
  }
}
