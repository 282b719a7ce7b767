/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import io.ckit.internal.swim.SwimConfig;

/** Builders of simulated clusters used by scenarios and benchmarks. */
public final class Clusters {
  private Clusters() {}

  /**
   * Adds {@code n} nodes with ckit's default configuration and starts them spread evenly over
   * {@code spread}: the first starts alone, each later one joins three random nodes already
   * started (like a rolling deployment behind one discovery name). Does not run the simulation
   * beyond scheduling the starts.
   */
  public static List<SimNode> startSpread(
      Simulation sim, int n, Duration spread, UnaryOperator<SwimConfig.Builder> customize) {
    List<SimNode> nodes = sim.addNodes(n, customize);
    SplittableRandom seeds = new SplittableRandom(sim.seedValue() ^ 0x5EED5L);
    List<SimNode> started = new ArrayList<>();
    long start = sim.now();
    for (int i = 0; i < n; i++) {
      SimNode node = nodes.get(i);
      long at = start + (n == 1 ? 0 : spread.toNanos() * i / (n - 1));
      sim.at(
          at,
          () -> {
            List<SimNode> joinTo = new ArrayList<>();
            for (int k = 0; k < 3 && !started.isEmpty(); k++) {
              joinTo.add(started.get(seeds.nextInt(started.size())));
            }
            sim.start(node, joinTo);
            started.add(node);
          });
    }
    return nodes;
  }

  /**
   * Starts {@code n} nodes over one second and runs until every node sees every other alive, at
   * most {@code max}.
   *
   * @throws AssertionError if they do not converge in time
   */
  public static List<SimNode> converged(Simulation sim, int n, Duration max) {
    List<SimNode> nodes = startSpread(sim, n, Duration.ofSeconds(1), b -> b);
    long at =
        sim.runUntil(
            () -> sim.now() >= 1_000_000_000L && ClusterChecks.converged(nodes, nodes),
            max,
            Duration.ofMillis(100));
    if (at < 0) {
      throw new AssertionError(n + " nodes did not converge within " + max + " (seed " + sim.seedValue() + ")");
    }
    return nodes;
  }
}
