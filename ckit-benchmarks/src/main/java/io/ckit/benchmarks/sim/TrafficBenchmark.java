/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.sim;

import io.ckit.internal.swim.sim.ClusterChecks;
import io.ckit.internal.swim.sim.Clusters;
import io.ckit.internal.swim.sim.SimNode;
import io.ckit.internal.swim.sim.Simulation;
import io.ckit.internal.swim.sim.TrafficStats;
import java.time.Duration;
import java.util.List;

/**
 * Steady-state traffic of a ckit cluster in the simulator: {@code nodes} nodes (default 151) join
 * over 10 s, converge, settle for 2 minutes (join gossip drained), then traffic is measured for
 * {@code minutes} simulated minutes (default 10) and reported per node: frames/s and bytes/s as
 * gossiphttp carries them (frame payloads plus 3- or 5-byte frame headers; HTTP/2 framing, HTTP
 * headers and TLS not counted), split by packet kind and push/pull streams.
 *
 * <p>Push/pulls carry ckit's localState (every known peer as a participant) unless the fourth
 * argument is {@code false}.
 *
 * <p>Usage: {@code java -cp ckit-benchmarks/target/benchmarks.jar
 * io.ckit.benchmarks.sim.TrafficBenchmark [nodes] [minutes] [seed] [ckitUserState]}.
 */
public final class TrafficBenchmark {
  private TrafficBenchmark() {}

  /**
   * Runs the benchmark and prints a Markdown report.
   *
   * @param args optional: node count, measured minutes, seed, whether push/pulls carry ckit state
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 151;
    int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : Simulation.seed(151);
    boolean userState = args.length <= 3 || Boolean.parseBoolean(args[3]);
    long wallStart = System.nanoTime();
    Simulation sim = new Simulation(seed);
    sim.ckitUserState(userState);
    sim.classifyTraffic(true);
    List<SimNode> nodes = Clusters.startSpread(sim, n, Duration.ofSeconds(10), b -> b);
    long converged =
        sim.runUntil(
            () -> sim.now() >= 10_000_000_000L && ClusterChecks.converged(nodes, nodes),
            Duration.ofMinutes(10),
            Duration.ofSeconds(1));
    if (converged < 0) {
      throw new IllegalStateException("cluster did not converge; seed " + seed);
    }
    sim.runFor(Duration.ofMinutes(2));
    TrafficStats before = sim.totalTraffic();
    long start = sim.now();
    sim.runFor(Duration.ofMinutes(minutes));
    double seconds = (sim.now() - start) / 1e9;
    TrafficStats d = sim.totalTraffic().minus(before);
    double perNode = n * seconds;
    System.out.printf("%n## %d nodes, %d simulated minutes at steady state (seed %d, ckit user state %b)%n%n",
        n, minutes, seed, userState);
    System.out.printf("converged at %.1f s; measured from %.1f s to %.1f s; wall %.1f s%n%n",
        converged / 1e9, start / 1e9, sim.now() / 1e9, (System.nanoTime() - wallStart) / 1e9);
    System.out.println("| traffic (sent, per node) | frames/s | bytes/s |");
    System.out.println("|---|---:|---:|");
    for (TrafficStats.Kind kind : TrafficStats.Kind.values()) {
      long[] v = d.byKind(kind);
      if (v[0] != 0) {
        System.out.printf("| packets: %s | %.3f | %.1f |%n", kind, v[0] / perNode, v[1] / perNode);
      }
    }
    System.out.printf("| packets: all | %.3f | %.1f |%n", d.packetsSent() / perNode, d.packetBytesSent() / perNode);
    System.out.printf("| push/pull streams (dialer writes + acceptor replies) | %.3f | %.1f |%n",
        d.streamFramesSent() / perNode, d.streamBytesSent() / perNode);
    System.out.printf("| **total** | **%.3f** | **%.1f** |%n", d.framesSent() / perNode, d.bytesSent() / perNode);
    System.out.printf("%nstreams dialed per node per minute: %.2f; piggy-backed messages per node per s: %.3f%n",
        d.streamsDialed() * 60.0 / perNode, d.piggybackedMessages() / perNode);
    System.out.printf("all %d nodes still converged: %b%n", n, ClusterChecks.converged(nodes, nodes));
  }
}
