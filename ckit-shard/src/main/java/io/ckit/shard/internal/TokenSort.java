/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Sorts 64-bit tokens, compared unsigned, each carrying an {@code int} payload (a node index), by
 * token and then by payload: exactly Go's {@code byRingToken} order, since node indices follow
 * name order.
 *
 * <p>Tokens are hash outputs, so their top bits spread them evenly. Level one splits them on their
 * top {@code B} bits, where {@code B} is at least 8 and at least the payload's width. Inside one
 * such bucket the top bits are known from the position, which leaves room to pack the rest of the
 * token and the payload into one {@code long} ({@code token << B | payload}) whose unsigned order
 * is the wanted order. Level two takes one bucket at a time (small enough for the L1 cache),
 * splits it on the next bits into runs of about one element, and a single insertion pass, which
 * almost never has to move anything, finishes it. A bucket whose runs are large anyway (crafted
 * names) is finished with {@link Arrays#sort} instead, so the worst case stays O(n log n).
 * Payloads of 2^20 or more (over a million nodes) take a plain comparator sort.
 */
final class TokenSort {
  private static final int SMALL = 32;
  private static final int MAX_PAYLOAD_BITS = 20;

  private TokenSort() {}

  /**
   * Sorts in place by (token unsigned, payload).
   *
   * @param tokens the tokens
   * @param payload the payloads, non-negative, moved along with their tokens
   */
  static void sort(long[] tokens, int[] payload) {
    int maxPayload = 0;
    for (int p : payload) {
      maxPayload |= p;
    }
    int payloadBits = 32 - Integer.numberOfLeadingZeros(maxPayload);
    if (payloadBits > MAX_PAYLOAD_BITS) {
      comparatorSort(tokens, payload);
      return;
    }
    int bits = Math.max(8, payloadBits);
    int shift = 64 - bits;
    int[] start = new int[(1 << bits) + 1];
    for (long token : tokens) {
      start[(int) (token >>> shift) + 1]++;
    }
    int largest = 0;
    for (int b = 1; b < start.length; b++) {
      largest = Math.max(largest, start[b]);
      start[b] += start[b - 1];
    }
    // Packed with the sign bit flipped, so that signed comparison gives the unsigned order.
    long[] packed = new long[tokens.length];
    int[] next = Arrays.copyOf(start, start.length - 1);
    for (int i = 0; i < tokens.length; i++) {
      packed[next[(int) (tokens[i] >>> shift)]++] = (tokens[i] << bits | payload[i]) ^ Long.MIN_VALUE;
    }
    LevelTwo levelTwo = new LevelTwo(largest);
    long payloadMask = (1L << bits) - 1;
    for (int b = 0; b + 1 < start.length; b++) {
      int lo = start[b];
      int hi = start[b + 1];
      long[] sorted = levelTwo.sort(packed, lo, hi);
      int from = sorted == packed ? lo : 0;
      long top = (long) b << shift;
      for (int i = lo; i < hi; i++) {
        long v = sorted[from + i - lo] ^ Long.MIN_VALUE;
        tokens[i] = top | v >>> bits;
        payload[i] = (int) (v & payloadMask);
      }
    }
  }

  /** Level two's scratch space, reused across level-one buckets. */
  private static final class LevelTwo {
    private final long[] scratch;
    private final int[] start;

    LevelTwo(int largest) {
      this.scratch = new long[largest];
      int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(largest));
      this.start = new int[(1 << bits) + 1];
    }

    /**
     * Sorts {@code packed[lo, hi)} (signed order); returns the array holding the result: {@code
     * packed} itself (same range) or the scratch array (from index 0).
     */
    long[] sort(long[] packed, int lo, int hi) {
      int n = hi - lo;
      if (n <= SMALL) {
        insertionSort(packed, lo, hi);
        return packed;
      }
      int bits = 32 - Integer.numberOfLeadingZeros(n);
      int shift = 64 - bits;
      int runs = 1 << bits;
      Arrays.fill(start, 0, runs + 1, 0);
      for (int i = lo; i < hi; i++) {
        // Undo the sign flip: the runs follow the unsigned top bits.
        start[(int) ((packed[i] ^ Long.MIN_VALUE) >>> shift) + 1]++;
      }
      int longestRun = 0;
      for (int r = 1; r <= runs; r++) {
        longestRun = Math.max(longestRun, start[r]);
        start[r] += start[r - 1];
      }
      for (int i = lo; i < hi; i++) {
        scratch[start[(int) ((packed[i] ^ Long.MIN_VALUE) >>> shift)]++] = packed[i];
      }
      if (longestRun <= SMALL) {
        // Runs are in order relative to each other, so this pass only sorts within runs.
        insertionSort(scratch, 0, n);
      } else {
        Arrays.sort(scratch, 0, n);
      }
      return scratch;
    }
  }

  private static void insertionSort(long[] a, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      long v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  /** The general path, for payloads too wide to pack. */
  private static void comparatorSort(long[] tokens, int[] payload) {
    int n = tokens.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    long[] t = tokens.clone();
    int[] p = payload.clone();
    Arrays.sort(
        order,
        Comparator.comparing((Integer i) -> t[i], Long::compareUnsigned)
            .thenComparingInt(i -> p[i]));
    for (int i = 0; i < n; i++) {
      tokens[i] = t[order[i]];
      payload[i] = p[order[i]];
    }
  }
}
