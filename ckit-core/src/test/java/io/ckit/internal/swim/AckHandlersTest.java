/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of memberlist's ack handler tests ({@code state_test.go}), on virtual time. */
class AckHandlersTest {
  private static final long MS = 1_000_000L;

  @Test
  void shouldReapProbeHandlerAtItsDeadline() {
    // TestMemberList_setProbeChannels.
    Timers timers = new Timers(TestLog.LOG);
    AckHandlers acks = new AckHandlers(timers);
    List<Long> expired = new ArrayList<>();
    acks.register(0, (p, t) -> {}, null, expired::add, 10 * MS);
    assertTrue(acks.exists(0), "missing handler");
    timers.runDue(20 * MS);
    assertFalse(acks.exists(0), "non-reaped handler");
    assertEquals(List.of(20 * MS), expired, "a timed-out probe learns it (Complete=false)");
  }

  @Test
  void shouldReapAckHandlerAtItsDeadline() {
    // TestMemberList_setAckHandler.
    Timers timers = new Timers(TestLog.LOG);
    AckHandlers acks = new AckHandlers(timers);
    acks.register(0, (p, t) -> {}, null, null, 10 * MS);
    assertTrue(acks.exists(0));
    timers.runDue(20 * MS);
    assertFalse(acks.exists(0));
  }

  @Test
  void shouldInvokeAndReapOnAck() {
    // TestMemberList_invokeAckHandler and _Channel_Ack.
    Timers timers = new Timers(TestLog.LOG);
    AckHandlers acks = new AckHandlers(timers);
    acks.invokeAck(0, null, 0); // does nothing
    List<byte[]> payloads = new ArrayList<>();
    List<Long> expired = new ArrayList<>();
    acks.register(0, (p, t) -> payloads.add(p), () -> { throw new AssertionError("no nack"); },
        expired::add, 10 * MS);
    acks.invokeAck(0, new byte[] {0, 0, 0}, 1 * MS);
    assertEquals(1, payloads.size());
    assertArrayEquals(new byte[] {0, 0, 0}, payloads.get(0));
    assertFalse(acks.exists(0), "non-reaped handler");
    timers.runDue(20 * MS);
    assertTrue(expired.isEmpty(), "an acked probe does not time out");
  }

  @Test
  void shouldKeepHandlerOnNackSoAnAckCanFollow() {
    // TestMemberList_invokeAckHandler_Channel_Nack.
    Timers timers = new Timers(TestLog.LOG);
    AckHandlers acks = new AckHandlers(timers);
    acks.invokeNack(0); // does nothing
    int[] nacks = new int[1];
    List<byte[]> payloads = new ArrayList<>();
    acks.register(0, (p, t) -> payloads.add(p), () -> nacks[0]++, null, 10 * MS);
    acks.invokeNack(0);
    assertEquals(1, nacks[0]);
    assertTrue(payloads.isEmpty(), "should not get an ack");
    assertTrue(acks.exists(0), "handler should not be reaped");
    acks.invokeAck(0, new byte[] {0, 0, 0}, 1 * MS);
    assertEquals(1, payloads.size());
    assertFalse(acks.exists(0));
  }
}
