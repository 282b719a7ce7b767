/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.shard;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Key;
import io.ckit.shard.Sharder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The inputs shared with the Go benchmarks of {@code scripts/bench-go-chash}: peers named {@code
 * node_1} to {@code node_N}, as in Go ckit's own chash benchmarks, and keys made from five random
 * bytes printed as hex.
 */
final class Fixtures {
  /** Number of precomputed keys; a power of two so that benchmarks can cycle with a mask. */
  static final int KEYS = 1024;

  private Fixtures() {}

  /** Creates the named sharder: ring256, ring512, rendezvous or multiprobe. */
  static Sharder sharder(String algorithm) {
    return switch (algorithm) {
      case "ring256" -> Sharder.ring(256);
      case "ring512" -> Sharder.ring(512);
      case "rendezvous" -> Sharder.rendezvous();
      case "multiprobe" -> Sharder.multiprobe();
      default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
    };
  }

  /**
   * Returns {@code count} peers {@code node_1..node_count}; every {@code terminatingEvery}-th one
   * is terminating (0: none), the rest participants.
   */
  static List<Peer> peers(int count, int terminatingEvery) {
    List<Peer> peers = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      State state =
          terminatingEvery > 0 && i % terminatingEvery == 0 ? State.TERMINATING : State.PARTICIPANT;
      peers.add(new Peer("node_" + i, "10.0.0.1:" + i, false, state));
    }
    return peers;
  }

  /** Returns {@link #KEYS} keys of random five-byte hex strings, from a fixed seed. */
  static Key[] keys() {
    SplittableRandom r = new SplittableRandom(0);
    Key[] keys = new Key[KEYS];
    byte[] b = new byte[5];
    for (int i = 0; i < KEYS; i++) {
      r.nextBytes(b);
      StringBuilder s = new StringBuilder();
      for (byte x : b) {
        s.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
      }
      keys[i] = Key.of(s.toString());
    }
    return keys;
  }
}
