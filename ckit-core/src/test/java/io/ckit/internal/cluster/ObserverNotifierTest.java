/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.log.NodeLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ObserverNotifierTest {
  private final AtomicInteger observerCount = new AtomicInteger();
  private final ObserverNotifier notifier =
      new ObserverNotifier(
          "test-notify",
          new ObserverNotifier.Listener() {
            @Override
            public void updating(boolean updating) {}

            @Override
            public void updated(long nanos) {}

            @Override
            public void observers(int count) {
              observerCount.set(count);
            }
          },
          System::nanoTime,
          NodeLog.node("test", System::nanoTime));

  @AfterEach
  void close() {
    notifier.close();
  }

  private static List<Peer> peers(String... names) {
    return java.util.Arrays.stream(names)
        .map(n -> new Peer(n, n + ":80", false, State.VIEWER))
        .toList();
  }

  @Test
  void shouldCoalesceToTheLatestListWhileAnObserverIsBusy() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    LinkedBlockingQueue<List<Peer>> seen = new LinkedBlockingQueue<>();
    notifier.register(
        peers -> {
          seen.add(peers);
          entered.countDown();
          await(release);
          return true;
        });

    notifier.publish(peers("a"));
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    notifier.publish(peers("a", "b"));
    notifier.publish(peers("a", "b", "c"));
    release.countDown();

    assertEquals(peers("a"), seen.poll(10, TimeUnit.SECONDS));
    assertEquals(peers("a", "b", "c"), seen.poll(10, TimeUnit.SECONDS));
    // A marker list proves nothing else was queued in between.
    notifier.publish(peers("z"));
    assertEquals(peers("z"), seen.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void shouldSkipAListEqualToTheLastDelivered() throws Exception {
    LinkedBlockingQueue<List<Peer>> seen = new LinkedBlockingQueue<>();
    notifier.register(
        peers -> {
          seen.add(peers);
          return true;
        });

    notifier.publish(peers("a"));
    assertEquals(peers("a"), seen.poll(10, TimeUnit.SECONDS));
    notifier.publish(peers("a"));
    notifier.publish(peers("b"));

    assertEquals(peers("b"), seen.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void shouldUnregisterObserversThatReturnFalseAndKeepThoseThatThrow() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    LinkedBlockingQueue<List<Peer>> last = new LinkedBlockingQueue<>();
    notifier.register(
        peers -> {
          calls.add("once");
          return false;
        });
    notifier.register(
        peers -> {
          calls.add("throws");
          throw new IllegalStateException("observer failure (expected by the test)");
        });
    notifier.register(
        peers -> {
          last.add(peers);
          return true;
        });
    assertEquals(3, observerCount.get());

    notifier.publish(peers("a"));
    assertEquals(peers("a"), last.poll(10, TimeUnit.SECONDS));
    notifier.publish(peers("b"));
    assertEquals(peers("b"), last.poll(10, TimeUnit.SECONDS));

    assertEquals(List.of("once", "throws", "throws"), calls);
    assertEquals(2, observerCount.get());
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
