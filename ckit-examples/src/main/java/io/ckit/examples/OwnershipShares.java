/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Key;
import io.ckit.shard.Op;
import io.ckit.shard.Sharder;
import io.ckit.shard.NotEnoughNodesException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures how much of the key space each participant owns, by asking a sharder for the owner of
 * evenly spaced sample keys.
 *
 * <p>Sample key {@code i} of {@code n} is the 64-bit value {@code i * 2^64 / n}. For a ring
 * sharder, which places a key's value directly on the ring, this measures each node's share of the
 * ring to within {@code 1/n}; for the other sharders, which hash the key again, it is a sample.
 *
 * <p>Thread-safe: it only reads the sharder, whose lookups see one consistent snapshot of peers.
 */
final class OwnershipShares {
  /** How many sample keys are looked up. */
  static final int SAMPLES = 16_384;

  private OwnershipShares() {}

  /**
   * Returns each participant's share of the key space for {@link Op#READ_WRITE}.
   *
   * @param sharder the sharder to measure
   * @return participant name to share in [0, 1], sorted by name, summing to 1; empty if the sharder
   *     has no participants
   */
  static Map<String, Double> of(Sharder sharder) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Peer peer : sharder.peers()) {
      if (peer.state() == State.PARTICIPANT) {
        counts.put(peer.name(), 0);
      }
    }
    Map<String, Double> shares = new TreeMap<>();
    if (counts.isEmpty()) {
      return shares;
    }
    long step = Long.divideUnsigned(-1L, SAMPLES) + 1; // 2^64 / SAMPLES
    int counted = 0;
    for (int i = 0; i < SAMPLES; i++) {
      List<Peer> owners = lookupOrEmpty(sharder, Key.of(i * step));
      if (!owners.isEmpty()) {
        counts.merge(owners.get(0).name(), 1, Integer::sum);
        counted++;
      }
    }
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      shares.put(entry.getKey(), counted == 0 ? 0.0 : entry.getValue() / (double) counted);
    }
    return shares;
  }

  /** A lookup that treats a sharder whose peers changed under us (no participant left) as empty. */
  private static List<Peer> lookupOrEmpty(Sharder sharder, Key key) {
    try {
      return sharder.lookup(key, 1, Op.READ_WRITE);
    } catch (NotEnoughNodesException e) {
      return List.of();
    }
  }
}
