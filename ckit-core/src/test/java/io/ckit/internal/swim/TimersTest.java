/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimersTest {
  @Test
  void shouldRunDueTimersInDeadlineThenSchedulingOrder() {
    Timers timers = new Timers(TestLog.LOG);
    List<String> ran = new ArrayList<>();
    timers.schedule(20, now -> ran.add("b@" + now));
    timers.schedule(10, now -> ran.add("a@" + now));
    timers.schedule(20, now -> ran.add("c@" + now));
    timers.schedule(30, now -> ran.add("d@" + now));
    assertEquals(10, timers.nextDeadline());
    timers.runDue(25);
    assertEquals(List.of("a@25", "b@25", "c@25"), ran);
    assertEquals(30, timers.nextDeadline());
  }

  @Test
  void shouldRunTimersScheduledWhileRunningIfDue() {
    Timers timers = new Timers(TestLog.LOG);
    List<Long> ran = new ArrayList<>();
    timers.schedule(5, now -> timers.schedule(now, later -> ran.add(later)));
    timers.runDue(7);
    assertEquals(List.of(7L), ran);
    assertEquals(Long.MAX_VALUE, timers.nextDeadline());
  }

  @Test
  void shouldSkipCancelledTimers() {
    Timers timers = new Timers(TestLog.LOG);
    List<Long> ran = new ArrayList<>();
    Timers.Timer first = timers.schedule(5, ran::add);
    timers.schedule(9, ran::add);
    assertTrue(first.cancel());
    assertFalse(first.cancel());
    assertEquals(9, timers.nextDeadline());
    timers.runDue(10);
    assertEquals(List.of(10L), ran);
    assertFalse(first.isPending());
  }

  @Test
  void shouldKeepTickerPhaseAndSkipMissedTicks() {
    assertEquals(15, Ticks.next(10, 12, 5));
    assertEquals(15, Ticks.next(10, 10, 5));
    assertEquals(25, Ticks.next(10, 23, 5));
    assertEquals(25, Ticks.next(10, 20, 5));
  }
}
