package io.ckit.internal.swim;

import io.ckit.internal.swim.sim.ClusterChecks;
import io.ckit.internal.swim.sim.SimNode;
import io.ckit.internal.swim.sim.Simulation;
import io.ckit.internal.wire.Suspect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefuteDebugTest {
  @Test
  void refute() {
    Simulation sim = new Simulation(5);
    List<SimNode> nodes = sim.addNodes(4, b -> b);
    sim.start(nodes.get(0), List.of());
    for (int i = 1; i < 4; i++) sim.start(nodes.get(i), List.of(nodes.get(0)));
    sim.runUntil(() -> ClusterChecks.converged(nodes, nodes), Duration.ofSeconds(60), Duration.ofMillis(100));
    SwimEngine e0 = nodes.get(0).engine();
    e0.membership().suspectNode(new Suspect(1, "node-2", "node-0"), sim.now());
    for (int i = 0; i < 20; i++) {
      sim.runFor(Duration.ofMillis(100));
      StringBuilder sb = new StringBuilder("t=" + sim.now() / 1e9);
      for (SimNode n : nodes) {
        Member m = n.engine().member("node-2");
        sb.append(" ").append(n.name()).append(":").append(m.state()).append("/").append(m.incarnation());
        sb.append(" c=").append(n.engine().counters().get(SwimCounter.MSG_ALIVE)).append(",").append(n.engine().counters().get(SwimCounter.DROPPED_MALFORMED));
      }
      System.out.println(sb);
    }
  }
}
