/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

/**
 * A stable sort of 64-bit tokens, compared unsigned, carrying an {@code int} payload each.
 *
 * <p>Callers fill the arrays in node-index order, so stability orders equal tokens by node index,
 * that is by name, which is Go's tie-break ({@code byRingToken.Less}). Tokens are hash outputs, so
 * a counting pass on the top bits spreads them into small buckets that insertion sort finishes; a
 * bucket that is large anyway (crafted names) falls back to a merge sort, so the worst case stays
 * O(n log n).
 */
final class TokenSort {
  private static final int SMALL = 48;

  private TokenSort() {}

  /** Sorts {@code tokens} (unsigned) in place, moving {@code payload} along; stable. */
  static void sort(long[] tokens, int[] payload) {
    int n = tokens.length;
    if (n <= SMALL) {
      insertionSort(tokens, payload, 0, n);
      return;
    }
    int bits = Math.max(1, Math.min(16, 31 - Integer.numberOfLeadingZeros(n) - 2));
    int shift = 64 - bits;
    int[] start = new int[(1 << bits) + 1];
    for (long token : tokens) {
      start[(int) (token >>> shift) + 1]++;
    }
    for (int b = 1; b < start.length; b++) {
      start[b] += start[b - 1];
    }
    long[] sortedTokens = new long[n];
    int[] sortedPayload = new int[n];
    int[] next = start.clone();
    for (int i = 0; i < n; i++) {
      int at = next[(int) (tokens[i] >>> shift)]++;
      sortedTokens[at] = tokens[i];
      sortedPayload[at] = payload[i];
    }
    for (int b = 0; b + 1 < start.length; b++) {
      int lo = start[b];
      int hi = start[b + 1];
      if (hi - lo <= SMALL) {
        insertionSort(sortedTokens, sortedPayload, lo, hi);
      } else {
        mergeSort(sortedTokens, sortedPayload, lo, hi, tokens, payload);
      }
    }
    System.arraycopy(sortedTokens, 0, tokens, 0, n);
    System.arraycopy(sortedPayload, 0, payload, 0, n);
  }

  private static void insertionSort(long[] t, int[] p, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      long token = t[i];
      int value = p[i];
      int j = i - 1;
      while (j >= lo && Long.compareUnsigned(t[j], token) > 0) {
        t[j + 1] = t[j];
        p[j + 1] = p[j];
        j--;
      }
      t[j + 1] = token;
      p[j + 1] = value;
    }
  }

  /** Bottom-up merge sort of [lo, hi) in t/p, using the same range of tt/tp as scratch. */
  private static void mergeSort(long[] t, int[] p, int lo, int hi, long[] tt, int[] tp) {
    for (int run = lo; run < hi; run += SMALL) {
      insertionSort(t, p, run, Math.min(hi, run + SMALL));
    }
    long[] srcT = t;
    int[] srcP = p;
    long[] dstT = tt;
    int[] dstP = tp;
    for (int width = SMALL; width < hi - lo; width <<= 1) {
      for (int left = lo; left < hi; left += width << 1) {
        int mid = Math.min(hi, left + width);
        int right = Math.min(hi, mid + width);
        int i = left;
        int j = mid;
        for (int k = left; k < right; k++) {
          if (j >= right || (i < mid && Long.compareUnsigned(srcT[i], srcT[j]) <= 0)) {
            dstT[k] = srcT[i];
            dstP[k] = srcP[i++];
          } else {
            dstT[k] = srcT[j];
            dstP[k] = srcP[j++];
          }
        }
      }
      long[] swapT = srcT;
      srcT = dstT;
      dstT = swapT;
      int[] swapP = srcP;
      srcP = dstP;
      dstP = swapP;
    }
    if (srcT != t) {
      System.arraycopy(srcT, lo, t, lo, hi - lo);
      System.arraycopy(srcP, lo, p, lo, hi - lo);
    }
  }
}
