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
    return new Multiprobe(new TokenIndex(tokens), owners, order);
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
      for (int k = 0; k < PROBES; k++) {
        long h = h1 + k * h2;
        int found = index.lowerBound(h);
        int idxA = found == 0 ? len - 1 : found - 1;
        int idxB = found == len ? 0 : found;
        long distA = distance(tokens[idxA], h);
        long distB = distance(tokens[idxB], h);
        int idx;
        long dist;
        if (Long.compareUnsigned(distA, distB) <= 0) {
          idx = idxA;
          dist = distA;
        } else {
          idx = idxB;
          dist = distB;
        }
        if (Long.compareUnsigned(dist, closestDist) < 0) {
          closestIdx = idx;
          closestDist = dist;
        }
      }
      Peer[] out = new Peer[n];
      for (int i = 0, idx = closestIdx; i < n; i++) {
        out[i] = owners[idx];
        idx = idx + 1 == len ? 0 : idx + 1;
      }
      return out;
    }

    private static long distance(long a, long b) {
      return Long.compareUnsigned(a, b) < 0 ? b - a : a - b;
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
      return new Multiprobe(new TokenIndex(newTokens), newOwners, newNodes);
    }
  }
}
