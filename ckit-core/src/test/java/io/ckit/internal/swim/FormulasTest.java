/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * memberlist's scaling formulas with ckit's settings, against values printed by Go (go1.26,
 * memberlist v0.5.3's {@code suspicionTimeout}, {@code retransmitLimit}, {@code pushPullScale} and
 * {@code remainingSuspicionTime}); the interop test {@code FormulasInteropTest} compares every n up
 * to 5000 with the Go oracle. Also ports {@code TestRetransmitLimit} and {@code TestPushPullScale}.
 */
class FormulasTest {
  private static final long S = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  @Test
  void shouldMatchGoAtCkitSettings() {
    // {n, suspicionTimeout(4, n, 5s) ns, retransmitLimit(4, n), pushPullScale(30s, n) ns}
    long[][] go = {
      {10, 20000000000L, 8, 30000000000L},
      {11, 20820000000L, 8, 30000000000L},
      {32, 30100000000L, 8, 30000000000L},
      {33, 30360000000L, 8, 60000000000L},
      {64, 36120000000L, 8, 60000000000L},
      {65, 36240000000L, 8, 90000000000L},
      {99, 39900000000L, 8, 90000000000L},
      {100, 40000000000L, 12, 90000000000L},
      {999, 59980000000L, 12, 180000000000L},
      {1000, 60000000000L, 16, 180000000000L},
      {1001, 60000000000L, 16, 180000000000L},
    };
    for (long[] row : go) {
      int n = (int) row[0];
      assertEquals(row[1], Suspicion.suspicionTimeout(4, n, 5 * S), "suspicionTimeout n=" + n);
      assertEquals(row[2], TransmitLimitedQueue.retransmitLimit(4, n), "retransmitLimit n=" + n);
      assertEquals(row[3], PushPullSync.pushPullScale(30 * S, n), "pushPullScale n=" + n);
    }
  }

  @Test
  void shouldMatchGoRemainingSuspicionTimes() {
    // {n, confirmations, remaining ns at elapsed 0} with k = 2, min = suspicionTimeout(4, n, 5s),
    // max = 6 * min.
    long[][] go = {
      {10, 0, 120000000000L}, {10, 1, 56907000000L}, {10, 2, 20000000000L},
      {20, 0, 156120000000L}, {20, 1, 74036000000L}, {20, 2, 26020000000L},
      {151, 0, 261360000000L}, {151, 1, 123943000000L}, {151, 2, 43560000000L},
      {1000, 0, 360000000000L}, {1000, 1, 170721000000L}, {1000, 2, 60000000000L},
    };
    for (long[] row : go) {
      long min = Suspicion.suspicionTimeout(4, (int) row[0], 5 * S);
      assertEquals(
          row[2],
          Suspicion.remainingSuspicionTime((int) row[1], 2, 0, min, 6 * min),
          "n=" + row[0] + " c=" + row[1]);
    }
  }

  @Test
  void shouldPortRetransmitLimitTest() {
    assertEquals(0, TransmitLimitedQueue.retransmitLimit(3, 0));
    assertEquals(3, TransmitLimitedQueue.retransmitLimit(3, 1));
    assertEquals(6, TransmitLimitedQueue.retransmitLimit(3, 99));
  }

  @Test
  void shouldPortPushPullScaleTest() {
    for (int i = 0; i <= 32; i++) {
      assertEquals(S, PushPullSync.pushPullScale(S, i), "n=" + i);
    }
    for (int i = 33; i <= 64; i++) {
      assertEquals(2 * S, PushPullSync.pushPullScale(S, i), "n=" + i);
    }
    for (int i = 65; i <= 128; i++) {
      assertEquals(3 * S, PushPullSync.pushPullScale(S, i), "n=" + i);
    }
  }

  @Test
  void shouldComputeGoLog2ExactlyAtPowersOfTwo() {
    for (int e = 0; e < 40; e++) {
      assertEquals(e, GoMath.log2(Math.scalb(1.0, e)), "2^" + e);
    }
    assertEquals(0.5, GoMath.seconds(500 * MS));
  }
}
