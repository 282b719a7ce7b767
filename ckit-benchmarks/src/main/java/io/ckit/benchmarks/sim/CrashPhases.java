/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.sim;

import io.ckit.internal.swim.sim.ClusterChecks;
import io.ckit.internal.swim.sim.Clusters;
import io.ckit.internal.swim.sim.SimNode;
import io.ckit.internal.swim.sim.Simulation;
import io.ckit.internal.wire.NodeStateType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The side-by-side harness's crash scenario in the simulator, split into phases: {@code nodes} base
 * nodes (default 151) converge; then, {@code crashes} times (default 16), an extra node joins node
 * 0, is seen alive by every base node, and crashes at once. For each crash it prints when the first
 * base node held it suspect, when the first declared it dead, and when every base node held it
 * dead: the same phases {@code SideBySide -trace} reads off real nodes, for comparison.
 *
 * <p>Usage: {@code java -cp ckit-benchmarks/target/benchmarks.jar
 * io.ckit.benchmarks.sim.CrashPhases [nodes] [crashes] [seed]}.
 */
public final class CrashPhases {
  private CrashPhases() {}

  /**
   * Runs the scenario and prints one line per crash.
   *
   * @param args optional: node count, crash count, seed
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 151;
    int crashes = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 151;
    Simulation sim = new Simulation(seed);
    sim.sleepingGossip(true);
    sim.ckitUserState(true);
    List<SimNode> base = Clusters.converged(sim, n, Duration.ofMinutes(5));
    sim.runFor(Duration.ofSeconds(30));
    List<Double> totals = new ArrayList<>();
    for (int r = 0; r < crashes; r++) {
      SimNode victim = sim.addNode(b -> b);
      sim.start(victim, List.of(base.get(0)));
      long seen =
          sim.runUntil(
              () -> ClusterChecks.allSee(base, victim, NodeStateType.ALIVE),
              Duration.ofSeconds(30),
              Duration.ofMillis(10));
      if (seen < 0) {
        throw new IllegalStateException("crash " + r + ": the victim never joined");
      }
      long t0 = sim.now();
      sim.crash(victim);
      long[] phases = {-1, -1};
      long all =
          sim.runUntil(
              () -> {
                if (phases[0] < 0
                    && ClusterChecks.countSeeing(base, victim, NodeStateType.SUSPECT) > 0) {
                  phases[0] = sim.now() - t0;
                }
                if (phases[1] < 0
                    && ClusterChecks.countSeeing(base, victim, NodeStateType.DEAD) > 0) {
                  phases[1] = sim.now() - t0;
                }
                return ClusterChecks.allSee(base, victim, NodeStateType.DEAD);
              },
              Duration.ofMinutes(10),
              Duration.ofMillis(5));
      long total = all < 0 ? -1 : all - t0;
      totals.add(total / 1e9);
      System.out.printf(
          Locale.ROOT,
          "crash %d: first suspect %.3f s, first dead %.3f s (suspicion %.3f s), all dead %.3f s"
              + " (dissemination %.3f s)%n",
          r, phases[0] / 1e9, phases[1] / 1e9, (phases[1] - phases[0]) / 1e9, total / 1e9,
          (total - phases[1]) / 1e9);
      sim.runFor(Duration.ofSeconds(10));
    }
    totals.sort(null);
    System.out.println("all dead, sorted (s): " + totals);
  }
}
