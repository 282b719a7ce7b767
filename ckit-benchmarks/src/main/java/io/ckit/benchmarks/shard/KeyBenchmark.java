/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.shard;

import io.ckit.shard.Key;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Key#of(String)} for an ASCII and a non-ASCII string. Returns the raw value so that the
 * {@code Key} record itself can be scalar-replaced; {@code -prof gc} then shows what hashing
 * allocates. The Go twin is {@code BenchmarkJavaStringKey} in {@code scripts/bench-go-chash}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class KeyBenchmark {
  /** The string to hash. */
  @Param({"tenant-42/series/cpu_seconds_total", "t\u00e9nant-42/s\u00e9ries/\u4e2d\u6587"})
  public String input;

  /** Hashes the string. */
  @Benchmark
  public long stringKey() {
    return Key.of(input).value();
  }
}
