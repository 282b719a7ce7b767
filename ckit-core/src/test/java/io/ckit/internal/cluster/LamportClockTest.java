/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ports ckit's internal/lamport tests, plus the unsigned edge cases Go's uint64 implies. */
class LamportClockTest {
  @Test
  void shouldStartAtZeroOrTheInitialValue() {
    assertEquals(0, new LamportClock().now());
    assertEquals(15, new LamportClock(15).now());
  }

  @Test
  void shouldTickToTheNextTime() {
    assertEquals(1, new LamportClock().tick());
    assertEquals(16, new LamportClock(15).tick());
  }

  @Test
  void shouldObservePastTheSeenTime() {
    LamportClock fresh = new LamportClock();
    fresh.observe(0);
    assertEquals(1, fresh.now());

    LamportClock ahead = new LamportClock(15);
    ahead.observe(20);
    assertEquals(21, ahead.now());

    LamportClock behind = new LamportClock(15);
    behind.observe(5);
    assertEquals(15, behind.now());
  }

  @Test
  void shouldCompareTimesUnsigned() {
    LamportClock clock = new LamportClock(5);
    long huge = 0x8000_0000_0000_0000L; // 2^63: negative as a signed long, larger than 5 unsigned
    clock.observe(huge);
    assertEquals(huge + 1, clock.now());

    clock.observe(5);
    assertEquals(huge + 1, clock.now());
  }
}
