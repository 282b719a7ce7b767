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

/** Port of memberlist's {@code suspicion_test.go}, on virtual time instead of sleeps. */
class SuspicionTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  @Test
  void shouldComputeRemainingSuspicionTime() {
    // {n, k, elapsed ms, min ms, max ms, expected ms} from TestSuspicion_remainingSuspicionTime.
    long[][] cases = {
      {0, 3, 0, 2000, 30000, 30000},
      {1, 3, 2000, 2000, 30000, 14000},
      {2, 3, 3000, 2000, 30000, 4810},
      {3, 3, 4000, 2000, 30000, -2000},
      {4, 3, 5000, 2000, 30000, -3000},
      {5, 3, 10000, 2000, 30000, -8000},
    };
    for (int i = 0; i < cases.length; i++) {
      long[] c = cases[i];
      assertEquals(
          c[5] * MS,
          Suspicion.remainingSuspicionTime((int) c[0], (int) c[1], c[2] * MS, c[3] * MS, c[4] * MS),
          "case " + i);
    }
  }

  private record Confirmation(String from, boolean newInfo) {}

  private record TimerCase(int numConfirmations, List<Confirmation> confirmations, long expectedMs) {}

  @Test
  void shouldShortenTimerWithIndependentConfirmations() {
    long min = 500 * MS;
    long max = 2 * S;
    List<TimerCase> cases =
        List.of(
            new TimerCase(0, List.of(), 2000),
            new TimerCase(
                1, List.of(new Confirmation("me", false), new Confirmation("foo", true)), 1250),
            new TimerCase(
                1,
                List.of(
                    new Confirmation("me", false),
                    new Confirmation("foo", true),
                    new Confirmation("foo", false),
                    new Confirmation("foo", false)),
                1250),
            new TimerCase(
                2,
                List.of(
                    new Confirmation("me", false),
                    new Confirmation("foo", true),
                    new Confirmation("bar", true)),
                // Go's test says 810 ms within its 25 ms fudge; the exact value is floor(811.28).
                811),
            new TimerCase(
                3,
                List.of(
                    new Confirmation("me", false),
                    new Confirmation("foo", true),
                    new Confirmation("bar", true),
                    new Confirmation("baz", true)),
                500),
            new TimerCase(
                3,
                List.of(
                    new Confirmation("me", false),
                    new Confirmation("foo", true),
                    new Confirmation("bar", true),
                    new Confirmation("baz", true),
                    new Confirmation("zoo", false)),
                500));
    for (int i = 0; i < cases.size(); i++) {
      TimerCase c = cases.get(i);
      Timers timers = new Timers(TestLog.LOG);
      List<long[]> fired = new ArrayList<>();
      long start = 10 * S;
      Suspicion s =
          new Suspicion(
              "me", 3, min, max, start, timers, (n, now) -> fired.add(new long[] {n, now}));
      long now = start;
      long fudge = 25 * MS;
      for (Confirmation p : c.confirmations()) {
        now += fudge;
        timers.runDue(now);
        assertEquals(p.newInfo(), s.confirm(p.from(), now), "case " + i + ": newInfo for " + p.from());
      }
      long expected = start + c.expectedMs() * MS;
      timers.runDue(expected - 1);
      assertTrue(fired.isEmpty(), "case " + i + ": should not have fired");
      timers.runDue(expected);
      assertEquals(1, fired.size(), "case " + i + ": should have fired");
      assertEquals(c.numConfirmations(), fired.get(0)[0], "case " + i + ": confirmations");
      assertEquals(expected, fired.get(0)[1], "case " + i + ": fired at");

      // A late confirmation must not fire the timer again.
      s.confirm("late", expected + fudge);
      timers.runDue(expected + 10 * S);
      assertEquals(1, fired.size(), "case " + i + ": should not fire twice");
    }
  }

  @Test
  void shouldUseMinTimeoutWhenNoConfirmationsExpected() {
    Timers timers = new Timers(TestLog.LOG);
    List<Long> fired = new ArrayList<>();
    Suspicion s = new Suspicion("me", 0, 25 * MS, 30 * S, 0, timers, (n, now) -> fired.add(now));
    assertFalse(s.confirm("foo", 1 * MS), "should not provide new information");
    timers.runDue(25 * MS - 1);
    assertTrue(fired.isEmpty());
    timers.runDue(25 * MS);
    assertEquals(List.of(25 * MS), fired);
  }

  @Test
  void shouldFireImmediatelyWhenConfirmedPastTheShortenedTimeout() {
    Timers timers = new Timers(TestLog.LOG);
    List<Long> fired = new ArrayList<>();
    Suspicion s = new Suspicion("me", 1, 100 * MS, 30 * S, 0, timers, (n, now) -> fired.add(now));
    timers.runDue(200 * MS);
    assertTrue(s.confirm("foo", 200 * MS));
    assertTrue(fired.isEmpty(), "fires on the next runDue, like Go's goroutine");
    timers.runDue(200 * MS);
    assertEquals(List.of(200 * MS), fired);
  }

  @Test
  void shouldComputeSuspicionTimeoutLikeGo() {
    // TestSuspicionTimeout (util_test.go): suspicionTimeout(3, n, 1s) / 3.
    long[][] cases = {{5, 1000}, {10, 1000}, {50, 1698}, {100, 2000}, {500, 2698}, {1000, 3000}};
    for (long[] c : cases) {
      assertEquals(c[1] * MS, Suspicion.suspicionTimeout(3, (int) c[0], S) / 3, "n=" + c[0]);
    }
  }
}
