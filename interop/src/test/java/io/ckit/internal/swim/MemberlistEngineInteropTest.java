/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ckit.interop.GoOracle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The membership engine's floating-point formulas and broadcast queue against real Go (memberlist
 * v0.5.3 and Go's math package, via the {@code ml-*} subcommands of the oracle).
 */
class MemberlistEngineInteropTest {
  private static final int N = 5000;

  private static List<String[]> lines(String... args) {
    String out = GoOracle.run(120, null, args).stdoutText();
    List<String[]> rows = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        rows.add(line.trim().split(" "));
      }
    }
    return rows;
  }

  @Test
  void shouldComputeLogarithmsBitForBitLikeGo() {
    for (String[] row : lines("ml-math", Integer.toString(N))) {
      double x = Double.parseDouble(row[0]);
      assertEquals(row[1], Long.toHexString(Double.doubleToLongBits(GoMath.log2(x))), "log2 " + x);
      assertEquals(row[2], Long.toHexString(Double.doubleToLongBits(GoMath.log10(x))), "log10 " + x);
      assertEquals(row[3], Long.toHexString(Double.doubleToLongBits(GoMath.log(x))), "log " + x);
    }
  }

  @Test
  void shouldRetransmitAsOftenAsGoForEveryClusterSize() {
    for (String[] row : lines("ml-retransmit", Integer.toString(N))) {
      int n = Integer.parseInt(row[0]);
      TransmitLimitedQueue q = new TransmitLimitedQueue(() -> n, 4);
      q.queueBroadcast(new MemberlistBroadcast("x", "x".getBytes(StandardCharsets.UTF_8), null));
      int sends = 0;
      while (!q.getBroadcasts(2, 1000).isEmpty()) {
        sends++;
      }
      assertEquals(Integer.parseInt(row[1]), sends, "n=" + n);
    }
  }

  @Test
  void shouldResolveQueueKeyCollisionsLikeGo() {
    List<String> expected = new ArrayList<>();
    for (String[] row : lines("ml-queue-collision")) {
      expected.add(String.join(" ", row));
    }
    List<String> actual = new ArrayList<>();
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 100, 4);
    q.queueBroadcast(new MemberlistBroadcast("node-76", new byte[41], () -> actual.add("finished node-76")));
    for (int i = 0; i < 4; i++) {
      q.getBroadcasts(2, 1000);
    }
    byte[] alive = new byte[63];
    alive[0] = 'a';
    q.queueBroadcast(new MemberlistBroadcast("node-76", alive, () -> actual.add("finished node-76")));
    byte[] refute = new byte[63];
    refute[0] = 'r';
    q.queueBroadcast(new MemberlistBroadcast("10.0.0.92", refute, () -> actual.add("finished 10.0.0.92")));
    actual.add("queued " + q.numQueued());
    for (byte[] m : q.getBroadcasts(2, 1000)) {
      actual.add("got " + (char) m[0] + " " + m.length);
    }
    assertEquals(expected, actual);
  }
}
