/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.wire;

import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.LocalState;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.PushNodeState;
import io.ckit.internal.wire.PushPull;
import io.ckit.internal.wire.StateMessage;
import io.ckit.peer.State;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The push/pull body of an anti-entropy exchange with {@code nodes} node states and a ckit
 * localState with one entry per node: LZW compression (Go compresses every stream message) and
 * decoding.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PushPullCodecBenchmark {
  /** How many nodes the push/pull describes. */
  @Param({"10", "100"})
  public int nodes;

  private byte[] pushPull;
  private byte[] compressed;

  /** Builds the push/pull body once per trial. */
  @Setup
  public void setUp() {
    List<PushNodeState> states = new ArrayList<>();
    List<StateMessage> ckitStates = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      String name = "ckit-node-" + i + ".example.svc.cluster.local";
      states.add(new PushNodeState(name, new byte[] {10, 0, (byte) (i >> 8), (byte) i}, 7946, null,
          1 + i % 3, NodeStateType.ALIVE, Codec.CKIT_VSN));
      ckitStates.add(new StateMessage(name, State.PARTICIPANT, 1000 + i));
    }
    pushPull = Codec.encodePushPull(new PushPull(false, states,
        Codec.encodeLocalState(new LocalState(5000, ckitStates))));
    compressed = Codec.compress(pushPull);
  }

  /** LZW-compresses the push/pull body. */
  @Benchmark
  public byte[] compress() {
    return Codec.compress(pushPull);
  }

  /** Decompresses the push/pull body. */
  @Benchmark
  public byte[] decompress() {
    return Codec.decompress(compressed, 0, compressed.length);
  }

  /** Decodes the uncompressed push/pull body and its ckit localState. */
  @Benchmark
  public LocalState decode() {
    PushPull p = Codec.decodePushPull(pushPull, 0, pushPull.length);
    return Codec.decodeLocalState(p.userState(), 0, p.userState().length);
  }

}
