/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import io.ckit.peer.Peer;

/**
 * The rendezvous hash (Go ckit's {@code chash.Rendezvous}, highest random weight).
 *
 * <p>Each node scores a key {@code k} as {@code xorshiftMult64(k ^ xxh64(name))}. The owners are
 * the nodes with the <em>lowest</em> scores, compared unsigned, ties by name. Go sorts all N scores;
 * this keeps only the best {@code n} in a bounded heap, which gives the same order in O(N log n).
 */
public final class RendezvousAlgorithm implements Algorithm {
  /** Creates the algorithm. */
  public RendezvousAlgorithm() {}

  @Override
  public Table build(Nodes nodes) {
    return new Rendezvous(nodes.peers, nodes.nameHashes());
  }

  /** Vigna's xorshift64* finaliser, as in Go ckit's {@code xorshiftMult64}. */
  static long xorshiftMult64(long x) {
    x ^= x >>> 12;
    x ^= x << 25;
    x ^= x >>> 27;
    return x * 2685821657736338717L;
  }

  private static final class Rendezvous implements Table {
    /** Peers sorted by name. */
    private final Peer[] peers;
    /** The XXH64 of each peer's name. */
    private final long[] hashes;

    Rendezvous(Peer[] peers, long[] hashes) {
      this.peers = peers;
      this.hashes = hashes;
    }

    @Override
    public int size() {
      return peers.length;
    }

    @Override
    public Peer[] lookup(long key, int n) {
      Peer[] out = new Peer[n];
      if (n == 1) {
        // Scores are compared with the sign bit flipped, so signed comparison orders them unsigned.
        long best = Long.MAX_VALUE;
        int bestIdx = -1;
        for (int i = 0; i < hashes.length; i++) {
          long score = xorshiftMult64(key ^ hashes[i]) ^ Long.MIN_VALUE;
          if (bestIdx < 0 || score < best) {
            best = score;
            bestIdx = i;
          }
        }
        out[0] = peers[bestIdx];
        return out;
      }
      // A max-heap of the n lowest (score, index) pairs seen so far. Indices grow as we scan, so a
      // new pair beats the heap's root only with a strictly lower score.
      long[] scores = new long[n];
      int[] idx = new int[n];
      int size = 0;
      for (int i = 0; i < hashes.length; i++) {
        long score = xorshiftMult64(key ^ hashes[i]) ^ Long.MIN_VALUE;
        if (size < n) {
          siftUp(scores, idx, size++, score, i);
        } else if (score < scores[0]) {
          siftDown(scores, idx, size, 0, score, i);
        }
      }
      for (int end = n - 1; end >= 0; end--) {
        out[end] = peers[idx[0]];
        siftDown(scores, idx, end, 0, scores[end], idx[end]);
      }
      return out;
    }

    private static boolean greater(long s1, int i1, long s2, int i2) {
      return s1 > s2 || (s1 == s2 && i1 > i2);
    }

    private static void siftUp(long[] scores, int[] idx, int at, long score, int i) {
      while (at > 0) {
        int parent = (at - 1) >>> 1;
        if (!greater(score, i, scores[parent], idx[parent])) {
          break;
        }
        scores[at] = scores[parent];
        idx[at] = idx[parent];
        at = parent;
      }
      scores[at] = score;
      idx[at] = i;
    }

    /** Places (score, i) at {@code at} and sifts it down within the first {@code size} slots. */
    private static void siftDown(long[] scores, int[] idx, int size, int at, long score, int i) {
      while (true) {
        int child = 2 * at + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size
            && greater(scores[child + 1], idx[child + 1], scores[child], idx[child])) {
          child++;
        }
        if (!greater(scores[child], idx[child], score, i)) {
          break;
        }
        scores[at] = scores[child];
        idx[at] = idx[child];
        at = child;
      }
      if (size > 0) {
        scores[at] = score;
        idx[at] = i;
      }
    }

    @Override
    public Table restrict(Nodes subset, int[] remap) {
      long[] newHashes = new long[subset.size()];
      for (int i = 0; i < hashes.length; i++) {
        if (remap[i] >= 0) {
          newHashes[remap[i]] = hashes[i];
        }
      }
      return new Rendezvous(subset.peers, newHashes);
    }
  }
}
