/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** TokenSort must equal a stable unsigned sort on every input shape, including adversarial ones. */
class TokenSortTest {
  @Test
  void shouldSortLikeAStableUnsignedSort() {
    SplittableRandom r = new SplittableRandom(11);
    int[] sizes = {0, 1, 2, 47, 48, 49, 100, 1000, 5000, 70_000};
    LongSupplier[] shapes = {
      r::nextLong, // hash-like
      () -> r.nextInt(5), // heavy ties, all in the lowest bucket: merge sort path
      () -> r.nextLong() >>> 40, // one bucket, few ties
      () -> (r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE) + r.nextInt(3) - 1, // sign edges
      () -> r.nextInt(4) == 0 ? r.nextLong() : 0xABCDL << 48 | r.nextInt(1000), // one hot bucket
    };
    for (int size : sizes) {
      for (LongSupplier shape : shapes) {
        long[] tokens = new long[size];
        int[] payload = new int[size];
        for (int i = 0; i < size; i++) {
          tokens[i] = shape.getAsLong();
          payload[i] = i;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
          order[i] = i;
        }
        long[] original = tokens.clone();
        // Arrays.sort on objects is a stable merge sort.
        Arrays.sort(order, Comparator.comparing((Integer i) -> original[i], Long::compareUnsigned));
        long[] expectedTokens = new long[size];
        int[] expectedPayload = new int[size];
        for (int i = 0; i < size; i++) {
          expectedTokens[i] = original[order[i]];
          expectedPayload[i] = order[i];
        }
        TokenSort.sort(tokens, payload);
        assertArrayEquals(expectedTokens, tokens, "size " + size);
        assertArrayEquals(expectedPayload, payload, "size " + size);
      }
    }
  }
}
