/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import io.ckit.peer.Peer;

/**
 * The multi-probe hash (Go ckit's {@code chash.Multiprobe}, arXiv:1505.00062).
 *
 * <p>Each node has one token, the XXH64 of its name, sorted unsigned with ties by name. A key
 * {@code k} is probed at {@code h1 + i * h2} for {@code i = 0..20}, where {@code h1} is the XXH64
 * of the lower-case hex text of {@code k} and {@code h2} that of {@code h1}. Each probe picks the
 * token before or at-or-after it with the smaller plain (non-circular) distance, the earlier one on
 * a tie; the first probe with the strictly smallest distance wins. The owners are that token's node
 * and the nodes of the tokens after it, wrapping around.
 */
public final class MultiprobeAlgorithm implements Algorithm {
  private static final int PROBES = 21;
  /** Two buckets per token: one token per node, so a fine index is cheap and saves searching. */
  private static final int PROBE_DENSITY = 1;

  /** Creates the algorithm. */
  public MultiprobeAlgorithm() {}

  @Override
  public Table build(Nodes nodes) {
    long[] tokens = nodes.nameHashes();
    int[] order = new int[tokens.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    TokenSort.sort(tokens, order);
    Peer[] owners = new Peer[order.length];
    for (int i = 0; i < order.length; i++) {
      owners[i] = nodes.peers[order[i]];
    }
    return new Multiprobe(new TokenIndex(tokens, PROBE_DENSITY), owners, order);
  }

  /** Returns all ones if {@code a < b} unsigned, else zero: the borrow of {@code a - b}. */
  static long lessMask(long a, long b) {
    return ((~a & b) | (~(a ^ b) & (a - b))) >> 63;
  }

  /** Returns {@code |a - b|} for unsigned {@code a} and {@code b}, as Go's {@code distance}. */
  static long distance(long a, long b) {
    long d = a - b;
    long negative = lessMask(a, b);
    return (d ^ negative) - negative;
  }

  private static final class Multiprobe implements Table {
    private final TokenIndex index;
    /** The peer of each token, in token order. */
    private final Peer[] owners;
    /** The node index of each token, in token order. */
    private final int[] nodes;

    Multiprobe(TokenIndex index, Peer[] owners, int[] nodes) {
      this.index = index;
      this.owners = owners;
      this.nodes = nodes;
    }

    @Override
    public int size() {
      return owners.length;
    }

    @Override
    public Peer[] lookup(long key, int n) {
      long[] tokens = index.tokens;
      int len = tokens.length;
      long h1 = Xxh64.hashHex(key);
      long h2 = Xxh64.hashHex(h1);
      int closestIdx = 0;
      long closestDist = -1L; // the largest unsigned value
      // Probe k is at h1 + k * h2. The selections below are done with masks rather than branches:
      // which side of a probe is closer is a coin flip, which branch prediction cannot learn.
      long h = h1;
      for (int k = 0; k < PROBES; k++, h += h2) {
        int found = index.lowerBound(h);
        int idxA = (found == 0 ? len : found) - 1;
        int idxB = found == len ? 0 : found;
        long distA = distance(tokens[idxA], h);
        long distB = distance(tokens[idxB], h);
        long bCloser = lessMask(distB, distA); // ties go to A, the token before the probe
        int idx = idxA ^ (idxA ^ idxB) & (int) bCloser;
        long dist = distA ^ (distA ^ distB) & bCloser;
        long closer = lessMask(dist, closestDist); // ties go to the earlier probe
        closestIdx ^= (closestIdx ^ idx) & (int) closer;
        closestDist ^= (closestDist ^ dist) & closer;
      }
      Peer[] out = new Peer[n];
      for (int i = 0, idx = closestIdx; i < n; i++) {
        out[i] = owners[idx];
        idx = idx + 1 == len ? 0 : idx + 1;
      }
      return out;
    }

    @Override
    public Table restrict(Nodes subset, int[] remap) {
      long[] tokens = index.tokens;
      int kept = subset.size();
      long[] newTokens = new long[kept];
      int[] newNodes = new int[kept];
      Peer[] newOwners = new Peer[kept];
      int k = 0;
      for (int i = 0; i < tokens.length; i++) {
        int to = remap[nodes[i]];
        if (to >= 0) {
          newTokens[k] = tokens[i];
          newNodes[k] = to;
          newOwners[k++] = owners[i];
        }
      }
      return new Multiprobe(new TokenIndex(newTokens, PROBE_DENSITY), newOwners, newNodes);
    }
  }
}
