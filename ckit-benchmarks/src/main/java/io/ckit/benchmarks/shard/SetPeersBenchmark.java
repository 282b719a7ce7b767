/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.shard;

import io.ckit.peer.Peer;
import io.ckit.shard.Sharder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of {@link Sharder#setPeers}: rebuilding both tables (read and read-write) for a new peer
 * set. With {@code terminatingEvery = 10} every tenth peer is terminating, so the two tables
 * differ; with 0 they are the same table. The Go twin is {@code BenchmarkJavaSetPeers} in {@code
 * scripts/bench-go-chash}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SetPeersBenchmark {
  /** The algorithm, as named by {@link Fixtures#sharder}. */
  @Param({"ring256", "ring512", "rendezvous", "multiprobe"})
  public String algorithm;

  /** Number of peers. */
  @Param({"10", "100", "1000"})
  public int nodes;

  /** Every n-th peer is terminating; 0 for none. */
  @Param({"0", "10"})
  public int terminatingEvery;

  private Sharder sharder;
  private List<Peer> peers;

  /** Builds the peer list. */
  @Setup
  public void setUp() {
    sharder = Fixtures.sharder(algorithm);
    peers = Fixtures.peers(nodes, terminatingEvery);
  }

  /** Replaces the peers, rebuilding the tables. */
  @Benchmark
  public Sharder setPeers() {
    sharder.setPeers(peers);
    return sharder;
  }
}
