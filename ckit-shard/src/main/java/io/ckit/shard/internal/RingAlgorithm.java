/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import io.ckit.peer.Peer;

/**
 * The ring hash (Go ckit's {@code chash.Ring}).
 *
 * <p>Node {@code name} gets {@code numTokens} tokens: token {@code t} is the XXH64 of the name's
 * UTF-8 bytes followed by the bytes {@code 0, 1, ..., t} (each token index truncated to a byte, so
 * past 256 tokens the appended bytes wrap around while the message keeps growing). Tokens are
 * sorted unsigned, ties by name. The owners of a key are the distinct nodes of the tokens from the
 * first token at or after the key onwards, wrapping around the ring.
 */
public final class RingAlgorithm implements Algorithm {
  /** Half a bucket per token: rings are large (N x numTokens), so the index stays small. */
  private static final int RING_DENSITY = -1;

  private final int numTokens;

  /**
   * Creates the algorithm.
   *
   * @param numTokens tokens per node
   * @throws IllegalArgumentException if {@code numTokens} is not positive
   */
  public RingAlgorithm(int numTokens) {
    if (numTokens <= 0) {
      throw new IllegalArgumentException("numTokens must be positive, got " + numTokens);
    }
    this.numTokens = numTokens;
  }

  @Override
  public Table build(Nodes nodes) {
    long count = (long) nodes.size() * numTokens;
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "a ring of " + nodes.size() + " peers x " + numTokens + " tokens is too large");
    }
    long[] tokens = new long[(int) count];
    int[] owners = new int[(int) count];
    Xxh64Digest digest = new Xxh64Digest();
    int k = 0;
    for (int node = 0; node < nodes.size(); node++) {
      byte[] name = nodes.names[node];
      digest.reset();
      digest.write(name, 0, name.length);
      for (int t = 0; t < numTokens; t++) {
        tokens[k] = digest.write((byte) t).sum();
        owners[k++] = node;
      }
    }
    TokenSort.sort(tokens, owners);
    return new Ring(nodes.peers, new TokenIndex(tokens, RING_DENSITY), owners);
  }

  private static final class Ring implements Table {
    /** Above this many owners, lookups track seen nodes in a bit set instead of a linear scan. */
    private static final int LINEAR_DEDUP = 16;

    private final Peer[] peers;
    private final TokenIndex index;
    private final int[] owners;

    Ring(Peer[] peers, TokenIndex index, int[] owners) {
      this.peers = peers;
      this.index = index;
      this.owners = owners;
    }

    @Override
    public int size() {
      return peers.length;
    }

    @Override
    public Peer[] lookup(long key, int n) {
      int len = owners.length;
      int idx = index.lowerBound(key);
      if (idx == len) {
        idx = 0;
      }
      Peer[] out = new Peer[n];
      int found = 0;
      if (n <= LINEAR_DEDUP) {
        while (true) {
          Peer owner = peers[owners[idx]];
          if (!contains(out, found, owner)) {
            out[found++] = owner;
            if (found == n) {
              return out;
            }
          }
          idx = idx + 1 == len ? 0 : idx + 1;
        }
      }
      long[] seen = new long[(peers.length + 63) >>> 6];
      while (true) {
        int owner = owners[idx];
        long bit = 1L << owner;
        if ((seen[owner >>> 6] & bit) == 0) {
          seen[owner >>> 6] |= bit;
          out[found++] = peers[owner];
          if (found == n) {
            return out;
          }
        }
        idx = idx + 1 == len ? 0 : idx + 1;
      }
    }

    private static boolean contains(Peer[] out, int count, Peer owner) {
      for (int i = 0; i < count; i++) {
        if (out[i] == owner) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Table restrict(Nodes subset, int[] remap) {
      long[] tokens = index.tokens;
      int kept = 0;
      for (int owner : owners) {
        if (remap[owner] >= 0) {
          kept++;
        }
      }
      long[] newTokens = new long[kept];
      int[] newOwners = new int[kept];
      int k = 0;
      for (int i = 0; i < owners.length; i++) {
        int to = remap[owners[i]];
        if (to >= 0) {
          newTokens[k] = tokens[i];
          newOwners[k++] = to;
        }
      }
      return new Ring(subset.peers, new TokenIndex(newTokens, RING_DENSITY), newOwners);
    }
  }
}
