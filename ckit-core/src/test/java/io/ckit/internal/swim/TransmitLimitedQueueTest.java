/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port of memberlist's {@code queue_test.go} and {@code broadcast_test.go}. */
class TransmitLimitedQueueTest {
  private static MemberlistBroadcast broadcast(String name, String message, Runnable finished) {
    return new MemberlistBroadcast(
        name, message == null ? new byte[0] : message.getBytes(StandardCharsets.UTF_8), finished);
  }

  private static List<String> names(List<TransmitLimitedQueue.Item> items) {
    List<String> names = new ArrayList<>();
    for (TransmitLimitedQueue.Item item : items) {
      names.add(item.broadcast.name());
    }
    return names;
  }

  @Test
  void shouldOrderByTransmitsThenLengthThenNewestFirst() {
    // TestLimitedBroadcastLess: each pair is (lesser, greater).
    String[][] cases = {{"diff-transmits"}, {"same-transmits--diff-len"}, {"same-transmits--same-len--diff-id"}};
    assertEquals(3, cases.length);
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 10, 1);
    q.queueBroadcast(broadcast("a", "1234567890", null), 1);
    q.queueBroadcast(broadcast("b", "1234567890", null), 0);
    assertEquals(List.of("b", "a"), names(q.orderedView(false)), "diff-transmits");

    q = new TransmitLimitedQueue(() -> 10, 1);
    q.queueBroadcast(broadcast("short", "1234567890", null));
    q.queueBroadcast(broadcast("long", "123456789012", null));
    assertEquals(List.of("long", "short"), names(q.orderedView(false)), "same-transmits--diff-len");

    q = new TransmitLimitedQueue(() -> 10, 1);
    q.queueBroadcast(broadcast("old", "123456789012", null));
    q.queueBroadcast(broadcast("new", "123456789012", null));
    assertEquals(List.of("new", "old"), names(q.orderedView(false)), "same-len--diff-id");
  }

  @Test
  void shouldReplaceQueuedBroadcastWithTheSameName() {
    // TestTransmitLimited_Queue.
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 1, 1);
    q.queueBroadcast(broadcast("test", null, null));
    q.queueBroadcast(broadcast("foo", null, null));
    q.queueBroadcast(broadcast("bar", null, null));
    assertEquals(3, q.numQueued());
    assertEquals(List.of("test", "foo", "bar"), names(q.orderedView(true)));

    q.queueBroadcast(broadcast("test", null, null));
    assertEquals(3, q.numQueued());
    assertEquals(List.of("foo", "bar", "test"), names(q.orderedView(true)));
  }

  @Test
  void shouldGetBroadcastsWithinTheByteLimit() {
    // TestTransmitLimited_GetBroadcasts.
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 10, 3);
    q.queueBroadcast(broadcast("test", "1. this is a test.", null));
    q.queueBroadcast(broadcast("foo", "2. this is a test.", null));
    q.queueBroadcast(broadcast("bar", "3. this is a test.", null));
    q.queueBroadcast(broadcast("baz", "4. this is a test.", null));
    assertEquals(4, q.getBroadcasts(2, 80).size(), "2 byte overhead: all 4 fit");
    assertEquals(3, q.getBroadcasts(3, 80).size(), "3 byte overhead: only 3 fit");
  }

  @Test
  void shouldStopAtTheRetransmitLimitAndResetIds() {
    // TestTransmitLimited_GetBroadcasts_Limit.
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 10, 1);
    assertEquals(0, q.idGen(), "the id generator seed starts at zero");
    assertEquals(2, TransmitLimitedQueue.retransmitLimit(1, 10), "sanity check transmit limits");
    q.queueBroadcast(broadcast("test", "1. this is a test.", null));
    q.queueBroadcast(broadcast("foo", "2. this is a test.", null));
    q.queueBroadcast(broadcast("bar", "3. this is a test.", null));
    q.queueBroadcast(broadcast("baz", "4. this is a test.", null));
    assertEquals(4, q.idGen(), "we handed out 4 IDs");
    assertEquals(3, q.getBroadcasts(3, 80).size());
    assertEquals(4, q.idGen(), "id generator doesn't reset until empty");
    assertEquals(3, q.getBroadcasts(3, 80).size());
    assertEquals(4, q.idGen(), "id generator doesn't reset until empty");
    assertEquals(2, q.getBroadcasts(3, 80).size(), "only two not expired");
    assertEquals(0, q.idGen(), "id generator resets on empty");
    assertEquals(0, q.getBroadcasts(3, 80).size(), "should get nothing");
    assertEquals(0, q.idGen(), "id generator resets on empty");
  }

  @Test
  void shouldPruneOldestAndFinishThem() {
    // TestTransmitLimited_Prune.
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 10, 1);
    int[] finished = new int[2];
    q.queueBroadcast(broadcast("test", "1. this is a test.", () -> finished[0]++));
    q.queueBroadcast(broadcast("foo", "2. this is a test.", () -> finished[1]++));
    q.queueBroadcast(broadcast("bar", "3. this is a test.", null));
    q.queueBroadcast(broadcast("baz", "4. this is a test.", null));
    q.prune(2);
    assertEquals(2, q.numQueued());
    assertEquals(1, finished[0], "expected invalidation");
    assertEquals(1, finished[1], "expected invalidation");
    assertEquals(List.of("bar", "baz"), names(q.orderedView(true)));
  }

  @Test
  void shouldKeepItemsOrderedByInitialTransmits() {
    // TestTransmitLimited_ordering.
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 10, 1);
    String[] names = {"node0", "node1", "node2", "node3", "node4"};
    int[] transmits = {0, 10, 3, 4, 7};
    for (int i = 0; i < names.length; i++) {
      q.queueBroadcast(broadcast(names[i], names[i], () -> {}), transmits[i]);
    }
    List<TransmitLimitedQueue.Item> dump = q.orderedView(true);
    int[] expected = {10, 7, 4, 3, 0};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], dump.get(i).transmits, "position " + i);
    }
  }

  @Test
  void shouldFinishReplacedBroadcastsAndCompareByNode() {
    // TestMemberlistBroadcast_Invalidates plus the Finished path of queueBroadcast.
    MemberlistBroadcast m1 = broadcast("test", null, null);
    MemberlistBroadcast m2 = broadcast("foo", null, null);
    assertTrue(!m1.invalidates(m2) && !m2.invalidates(m1));
    assertTrue(m1.invalidates(broadcast("test", null, null)));
    int[] finished = new int[1];
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 10, 4);
    q.queueBroadcast(broadcast("test", "first", () -> finished[0]++));
    q.queueBroadcast(broadcast("test", "second", null));
    assertEquals(1, finished[0]);
    assertEquals(1, q.numQueued());
    assertEquals("second", new String(q.getBroadcasts(2, 100).get(0), StandardCharsets.UTF_8));
  }

  @Test
  void shouldInvalidateUnnamedBroadcastsThroughInvalidates() {
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 10, 4);
    int[] finished = new int[1];
    Broadcast first = new Broadcast() {
      @Override
      public byte[] message() {
        return new byte[] {1};
      }

      @Override
      public void finished() {
        finished[0]++;
      }
    };
    Broadcast second = new Broadcast() {
      @Override
      public byte[] message() {
        return new byte[] {2};
      }

      @Override
      public boolean invalidates(Broadcast other) {
        return other == first;
      }
    };
    q.queueBroadcast(first);
    q.queueBroadcast(second);
    assertEquals(1, finished[0]);
    assertEquals(1, q.numQueued());
  }

  @Test
  void shouldTakeLargestFittingMessageFirstWithinATier() {
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 10, 4);
    q.queueBroadcast(broadcast("a", "x".repeat(50), null));
    q.queueBroadcast(broadcast("b", "x".repeat(30), null));
    q.queueBroadcast(broadcast("c", "x".repeat(10), null));
    // 2 + 50 does not fit in 45; 2 + 30 does, then 13 left minus overhead 2: 10 fits.
    List<byte[]> out = q.getBroadcasts(2, 45);
    assertEquals(2, out.size());
    assertEquals(30, out.get(0).length);
    assertEquals(10, out.get(1).length);
  }

  @Test
  void shouldReplaceAQueuedItemWhoseKeyCollidesLikeGo() {
    // memberlist resets its id counter whenever the B-tree is empty, even for an instant inside
    // GetBroadcasts or while replacing a same-named broadcast, so a new broadcast can get the key
    // (transmits, length, id) of a queued one; the B-tree's ReplaceOrInsert then drops the queued
    // one without finishing it. Checked against memberlist v0.5.3 in Go: after the calls below Go
    // reports NumQueued() == 1, "finished node-76" once (for the replaced suspect), and
    // GetBroadcasts returns only the 63-byte 'r' message.
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 100, 4);
    List<String> finished = new ArrayList<>();
    q.queueBroadcast(new MemberlistBroadcast("node-76", new byte[41], () -> finished.add("node-76")));
    for (int i = 0; i < 4; i++) {
      q.getBroadcasts(2, 1000);
    }
    byte[] alive = new byte[63];
    alive[0] = 'a';
    q.queueBroadcast(new MemberlistBroadcast("node-76", alive, () -> finished.add("alive-76")));
    byte[] refute = new byte[63];
    refute[0] = 'r';
    q.queueBroadcast(new MemberlistBroadcast("10.0.0.92", refute, () -> finished.add("refute")));
    assertEquals(1, q.numQueued());
    assertEquals(List.of("node-76"), finished, "the replaced item is not finished");
    List<byte[]> out = q.getBroadcasts(2, 1000);
    assertEquals(1, out.size());
    assertEquals('r', out.get(0)[0]);
  }
}
