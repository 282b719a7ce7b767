/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.shard;

import io.ckit.peer.Peer;
import io.ckit.shard.Key;
import io.ckit.shard.Op;
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
 * A lookup of 3 owners (read-write) per operation, cycling through 1024 precomputed keys; the Go
 * twin is {@code BenchmarkJavaLookup} in {@code scripts/bench-go-chash}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class LookupBenchmark {
  /** The algorithm, as named by {@link Fixtures#sharder}. */
  @Param({"ring256", "ring512", "rendezvous", "multiprobe"})
  public String algorithm;

  /** Number of peers, all participants. */
  @Param({"10", "100", "1000"})
  public int nodes;

  private Sharder sharder;
  private Key[] keys;
  private int next;

  /** Builds the sharder and the keys. */
  @Setup
  public void setUp() {
    sharder = Fixtures.sharder(algorithm);
    sharder.setPeers(Fixtures.peers(nodes, 0));
    keys = Fixtures.keys();
  }

  /** Looks up the owners of the next key. */
  @Benchmark
  public List<Peer> lookup3() {
    return sharder.lookup(keys[next++ & (Fixtures.KEYS - 1)], 3, Op.READ_WRITE);
  }
}
