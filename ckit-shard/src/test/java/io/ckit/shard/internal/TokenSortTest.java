/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** TokenSort must equal a plain (token unsigned, payload) sort on every input shape. */
class TokenSortTest {
  @Test
  void shouldSortByUnsignedTokenThenPayload() {
    SplittableRandom r = new SplittableRandom(11);
    int[] sizes = {0, 1, 2, 31, 32, 33, 100, 1000, 5000, 70_000};
    LongSupplier[] tokenShapes = {
      r::nextLong, // hash-like
      () -> r.nextInt(5), // heavy ties, all in the lowest bucket
      () -> r.nextLong() >>> 40, // one level-one bucket, few ties
      () -> (r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE) + r.nextInt(3) - 1, // sign edges
      () -> r.nextInt(4) == 0 ? r.nextLong() : 0xABCDL << 48 | r.nextInt(1000), // one hot run
    };
    for (int size : sizes) {
      IntSupplier[] payloadShapes = {
        new IntSupplier() { // ascending node indices, as the algorithms produce them
          int i;

          @Override
          public int getAsInt() {
            return i++ / 7;
          }
        },
        () -> r.nextInt(Math.max(1, size)), // arbitrary order
        () -> r.nextInt(1 << 20), // 20 bits: the widest packed payload
        () -> (1 << 20) + r.nextInt(1000), // too wide to pack: the comparator path
      };
      for (LongSupplier tokenShape : tokenShapes) {
        for (IntSupplier payloadShape : payloadShapes) {
          long[] tokens = new long[size];
          int[] payload = new int[size];
          for (int i = 0; i < size; i++) {
            tokens[i] = tokenShape.getAsLong();
            payload[i] = payloadShape.getAsInt();
          }
          assertSortsLikeReference(tokens, payload);
        }
      }
    }
  }

  private static void assertSortsLikeReference(long[] tokens, int[] payload) {
    int size = tokens.length;
    long[] t = tokens.clone();
    int[] p = payload.clone();
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order,
        Comparator.comparing((Integer i) -> t[i], Long::compareUnsigned)
            .thenComparingInt(i -> p[i]));
    long[] expectedTokens = new long[size];
    int[] expectedPayload = new int[size];
    for (int i = 0; i < size; i++) {
      expectedTokens[i] = t[order[i]];
      expectedPayload[i] = p[order[i]];
    }
    TokenSort.sort(tokens, payload);
    assertArrayEquals(expectedTokens, tokens, "size " + size);
    assertArrayEquals(expectedPayload, payload, "size " + size);
  }
}
