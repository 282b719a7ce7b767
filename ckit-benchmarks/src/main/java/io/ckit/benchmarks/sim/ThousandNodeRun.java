/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.sim;

import io.ckit.internal.swim.sim.ClusterChecks;
import io.ckit.internal.swim.sim.Clusters;
import io.ckit.internal.swim.sim.SimNode;
import io.ckit.internal.swim.sim.Simulation;
import java.time.Duration;
import java.util.List;

/**
 * Wall time of a large simulation: {@code nodes} nodes (default 1000) start over the first 30 s
 * (each joining three random started nodes) and the cluster runs until {@code minutes} simulated
 * minutes (default 10) have passed. The simulator is single-threaded; the JIT and GC use the other
 * cores.
 *
 * <p>Usage: {@code java -Xmx2g -cp ckit-benchmarks/target/benchmarks.jar
 * io.ckit.benchmarks.sim.ThousandNodeRun [nodes] [minutes] [seed]}.
 */
public final class ThousandNodeRun {
  private ThousandNodeRun() {}

  /**
   * Runs the scenario and prints its timings.
   *
   * @param args optional: node count, simulated minutes, seed
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : Simulation.seed(1000);
    long wallStart = System.nanoTime();
    Simulation sim = new Simulation(seed);
    List<SimNode> nodes = Clusters.startSpread(sim, n, Duration.ofSeconds(30), b -> b);
    long converged =
        sim.runUntil(
            () -> sim.now() >= 30_000_000_000L && ClusterChecks.converged(nodes, nodes),
            Duration.ofMinutes(minutes),
            Duration.ofSeconds(5));
    double joinWall = (System.nanoTime() - wallStart) / 1e9;
    sim.runUntil(minutes * 60_000_000_000L);
    double wall = (System.nanoTime() - wallStart) / 1e9;
    System.out.printf(
        "%d nodes, %d simulated minutes: wall %.1f s (join phase %.1f s), converged at %s, %d events, "
            + "still converged at the end: %b%n",
        n,
        minutes,
        wall,
        joinWall,
        converged < 0 ? "never" : String.format("%.1f s", converged / 1e9),
        sim.eventsRun(),
        ClusterChecks.converged(nodes, nodes));
  }
}
