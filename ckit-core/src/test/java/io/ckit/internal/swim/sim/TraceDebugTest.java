package io.ckit.internal.swim.sim;

import io.ckit.internal.swim.Member;
import io.ckit.internal.wire.NodeStateType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceDebugTest {
  @Test
  void trace() {
    Simulation sim = new Simulation(Simulation.seed(2));
    List<SimNode> nodes = SmokeDebugTest.cluster(sim, 100);
    sim.network().loss(0.10);
    SimNode victim = sim.node("node-91");
    Simulation.DEBUG_NODE = "node-91";
    String last = "";
    while (sim.now() < 95_000_000_000L) {
      sim.runFor(Duration.ofMillis(100));
      int sus = 0, alive = 0, dead = 0; long maxInc = 0;
      StringBuilder who = new StringBuilder();
      for (SimNode n : nodes) {
        if (n == victim) continue;
        Member m = n.engine().member(victim.name());
        if (m.state() == NodeStateType.SUSPECT) { sus++; if (sus < 4) who.append(n.name()).append(' '); }
        if (m.state() == NodeStateType.ALIVE) alive++;
        if (m.state() == NodeStateType.DEAD) dead++;
        maxInc = Math.max(maxInc, m.incarnation());
      }
      String line = "sus=" + sus + " alive=" + alive + " dead=" + dead + " maxInc=" + maxInc + " selfInc=" + victim.engine().member(victim.name()).incarnation() + " q=" + victim.engine().queuedBroadcasts() + " " + who;
      if (!line.equals(last)) {
        System.out.println("t=" + sim.now() / 1e9 + " " + line);
        last = line;
      }
    }
  }
}
