/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bucketed search must equal Go's {@code sort.Search(len, tokens[i] >= key)}. */
class TokenIndexTest {
  @Test
  void shouldFindTheFirstTokenNotBelowTheKey() {
    SplittableRandom r = new SplittableRandom(2);
    for (int size : new int[] {1, 2, 3, 10, 100, 1000, 20_000}) {
      long[] tokens = new long[size];
      int[] payload = new int[size];
      for (int i = 0; i < size; i++) {
        tokens[i] = r.nextInt(5) == 0 && i > 0 ? tokens[i - 1] : r.nextLong();
      }
      tokens[0] = r.nextBoolean() ? 0 : tokens[0];
      TokenSort.sort(tokens, payload);
      for (int density = -2; density <= 2; density++) {
        TokenIndex index = new TokenIndex(tokens, density);
        for (long token : tokens) {
          for (long key : new long[] {token - 1, token, token + 1}) {
            assertEquals(reference(tokens, key), index.lowerBound(key), "key " + key);
          }
        }
        for (long key : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
          assertEquals(reference(tokens, key), index.lowerBound(key), "key " + key);
        }
        for (int i = 0; i < 2000; i++) {
          long key = r.nextLong();
          assertEquals(reference(tokens, key), index.lowerBound(key), "key " + key);
        }
      }
    }
  }

  /** Go's sort.Search over the whole array, with an unsigned comparison. */
  private static int reference(long[] tokens, long key) {
    int lo = 0;
    int hi = tokens.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(tokens[mid], key) >= 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
