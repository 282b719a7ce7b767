/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Counts join stream exchanges that stall until ckit's 2 s stream deadline ("i/o timeout", or "EOF"
 * when the other side's deadline closes the stream first), Go to Go, Java to Go and Go to Java, to show the Go ckit stream-reader race that {@link Member#join}
 * retries. Opt-in, since a stall costs 2 s and it takes thousands of joins to see one:
 *
 * <pre>
 * mvn -pl interop -am verify -Dtest=GoStreamStallProbe -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dckit.interop.stallProbe=3000
 * </pre>
 *
 * <p>It prints the counts and fails only if a join failed in any other way.
 */
@EnabledIfSystemProperty(named = "ckit.interop.stallProbe", matches = "\\d+")
class GoStreamStallProbe {
  private static final int JOINS = Integer.getInteger("ckit.interop.stallProbe", 0);

  @Test
  void countStalledJoins() {
    try (GoPeer goA = GoPeer.start(GoPeer.Options.plain("go-a"));
        GoPeer goB = GoPeer.start(GoPeer.Options.plain("go-b"));
        JavaNode java = JavaNode.start(JavaNode.Options.of("java-c", false))) {
      List<String> failures = new ArrayList<>();
      failures.addAll(joins("go->go", () -> error(() -> goB.joinOnce(List.of(goA.address())))));
      failures.addAll(joins("java->go", () -> error(() -> java.joinOnce(List.of(goA.address())))));
      // Paced: Go cancels every finished stream with RST_STREAM, and Jetty's HTTP/2 rate control
      // (128 events/s per connection by default) answers a faster burst with GOAWAY.
      failures.addAll(
          joins(
              "go->java",
              paced(100, () -> error(() -> goB.joinOnce(List.of(java.address()))))));
      assertEquals(List.of(), failures, "joins that failed other than by a stall");
    }
  }

  /** Runs {@link #JOINS} joins; prints how many timed out; returns the other failures. */
  private static List<String> joins(String direction, Supplier<String> join) {
    int stalls = 0;
    List<String> others = new ArrayList<>();
    for (int i = 0; i < JOINS; i++) {
      String error = join.get();
      if (error == null) {
        continue;
      }
      if (Member.stalled(error)) {
        stalls++;
      } else {
        others.add(direction + " #" + i + ": " + error);
      }
    }
    System.err.printf(
        "%s: %d of %d joins stalled until the 2 s deadline%n", direction, stalls, JOINS);
    return others;
  }

  /** Spaces the calls of {@code join} at least {@code 1 s / perSecond} apart. */
  private static Supplier<String> paced(int perSecond, Supplier<String> join) {
    long interval = 1_000_000_000L / perSecond;
    long[] next = {System.nanoTime()};
    return () -> {
      for (long wait; (wait = next[0] - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
      }
      next[0] = System.nanoTime() + interval;
      return join.get();
    };
  }

  /** Runs one join; returns its error message, or null if it succeeded. */
  private static String error(Runnable join) {
    try {
      join.run();
      return null;
    } catch (RuntimeException | AssertionError e) {
      return String.valueOf(e.getMessage());
    }
  }
}
