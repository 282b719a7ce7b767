/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import io.ckit.peer.Peer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The nodes a {@link Table} is built over: peers with distinct names, sorted by the UTF-8 bytes of
 * their names (Go's string order), with those bytes. Node {@code i} is {@code peers[i]}.
 * Immutable by convention: nothing writes the arrays after construction.
 */
public final class Nodes {
  private static final Comparator<byte[]> BYTE_ORDER = Arrays::compareUnsigned;

  final Peer[] peers;
  final byte[][] names;

  private Nodes(Peer[] peers, byte[][] names) {
    this.peers = peers;
    this.names = names;
  }

  /**
   * Sorts peers by name.
   *
   * @param peers peers in any order; not modified
   * @return the sorted nodes
   * @throws IllegalArgumentException if two peers' names have the same UTF-8 bytes
   */
  public static Nodes sorted(Peer[] peers) {
    int n = peers.length;
    byte[][] bytes = new byte[n][];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = peers[i].name().getBytes(StandardCharsets.UTF_8);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> BYTE_ORDER.compare(bytes[a], bytes[b]));
    Peer[] sortedPeers = new Peer[n];
    byte[][] sortedNames = new byte[n][];
    for (int i = 0; i < n; i++) {
      sortedPeers[i] = peers[order[i]];
      sortedNames[i] = bytes[order[i]];
      if (i > 0 && Arrays.equals(sortedNames[i - 1], sortedNames[i])) {
        throw new IllegalArgumentException(
            "duplicate peer name \"" + sortedPeers[i].name() + "\": peers "
                + describe(sortedPeers[i - 1]) + " and " + describe(sortedPeers[i]));
      }
    }
    return new Nodes(sortedPeers, sortedNames);
  }

  /**
   * Returns the nodes whose index has {@code remap[i] >= 0}, in order.
   *
   * @param remap for each node, its index in the result, or -1 to drop it; the kept indices must
   *     be 0, 1, 2, ... in order
   * @param count how many nodes are kept
   */
  public Nodes subset(int[] remap, int count) {
    Peer[] p = new Peer[count];
    byte[][] b = new byte[count][];
    for (int i = 0; i < peers.length; i++) {
      if (remap[i] >= 0) {
        p[remap[i]] = peers[i];
        b[remap[i]] = names[i];
      }
    }
    return new Nodes(p, b);
  }

  /** Returns the number of nodes. */
  public int size() {
    return peers.length;
  }

  /** Returns node {@code i}'s peer. */
  public Peer peer(int i) {
    return peers[i];
  }

  /** Returns the XXH64 of each node's name, in node order (Go's {@code xxhash.Sum64String}). */
  long[] nameHashes() {
    long[] hashes = new long[names.length];
    for (int i = 0; i < names.length; i++) {
      hashes[i] = Xxh64.hash(names[i], 0, names[i].length);
    }
    return hashes;
  }

  private static String describe(Peer p) {
    return "{" + p.name() + " " + p.addr() + " " + p.state() + (p.self() ? " self}" : "}");
  }
}
