/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

/**
 * Sorted unsigned 64-bit tokens with a bucket index on their top bits, so that finding the first
 * token at or after a key (Go's {@code sort.Search(len, tokens[i] >= key)}) takes O(1) expected
 * time instead of a binary search over the whole array. Immutable once built.
 */
final class TokenIndex {
  final long[] tokens;
  private final int shift;
  /** {@code start[b]} is the index of the first token whose top bits are at least {@code b}. */
  private final int[] start;

  /**
   * Indexes {@code tokens}, which must be sorted unsigned and are not copied.
   *
   * @param density log2 of buckets per token: with 0 there are about as many buckets as tokens, -1
   *     half as many (less memory), +1 twice as many (fewer tokens to search per bucket); the
   *     index never has more than 2^20 buckets
   */
  TokenIndex(long[] tokens, int density) {
    this.tokens = tokens;
    int n = tokens.length;
    int log2 = 31 - Integer.numberOfLeadingZeros(Math.max(1, n));
    int bits = Math.max(1, Math.min(20, log2 + density));
    this.shift = 64 - bits;
    int buckets = 1 << bits;
    this.start = new int[buckets + 1];
    int i = 0;
    for (int b = 0; b <= buckets; b++) {
      while (i < n && (tokens[i] >>> shift) < b) {
        i++;
      }
      start[b] = i;
    }
  }

  /** Returns the number of tokens. */
  int size() {
    return tokens.length;
  }

  /**
   * Returns the index of the first token that is not less than {@code key} (unsigned), or {@link
   * #size()} if there is none.
   */
  int lowerBound(long key) {
    int b = (int) (key >>> shift);
    int lo = start[b];
    int hi = start[b + 1];
    // Every token before lo is in a lower bucket, and every token from hi on is in a higher one.
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(tokens[mid], key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
