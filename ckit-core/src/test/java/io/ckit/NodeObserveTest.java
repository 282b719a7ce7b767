/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static io.ckit.TestCluster.address;
import static io.ckit.TestCluster.waitPeerCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.peer.Peer;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ports ckit's {@code TestNode_Observe} over real nodes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeObserveTest {

  @Test
  void shouldInvokeObserversWhenThePeerSetChanges() throws Exception {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.H2C)) {
      Node a = cluster.node("node-a");
      Node b = cluster.node("node-b");
      a.start(List.of());
      LinkedBlockingQueue<List<Peer>> seen = new LinkedBlockingQueue<>();
      a.observe(
          peers -> {
            seen.add(peers);
            return true;
          });
      b.start(List.of(address(a)));
      List<Peer> peers;
      do {
        peers = seen.poll(TestCluster.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(peers != null, "the observer was not invoked with both nodes");
      } while (peers.size() != 2);
      assertEquals(List.of("node-a", "node-b"), peers.stream().map(Peer::name).toList());
    }
  }

  @Test
  void shouldKeepObserversThatReregister() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.H2C)) {
      Node a = cluster.node("node-a");
      Node b = cluster.node("node-b");
      AtomicInteger invoked = new AtomicInteger();
      LinkedBlockingQueue<Integer> sizes = new LinkedBlockingQueue<>();
      a.observe(
          peers -> {
            invoked.incrementAndGet();
            sizes.add(peers.size());
            return true;
          });
      a.start(List.of()); // registered before start: sees the first list
      assertEquals(1, take(sizes));
      int before = invoked.get();
      b.start(List.of(address(a)));
      assertEquals(2, take(sizes));
      assertTrue(invoked.get() > before);
    }
  }

  @Test
  void shouldDropObserversThatUnregister() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.H2C)) {
      Node a = cluster.node("node-a");
      Node b = cluster.node("node-b");
      AtomicInteger once = new AtomicInteger();
      a.observe(
          peers -> {
            once.incrementAndGet();
            return false;
          });
      a.start(List.of());
      TestCluster.waitUntil(a, n -> once.get() == 1, "the single-use observer's call");

      // Observers run in registration order in every round, so once a later observer has seen
      // both nodes, the round that carried that list has passed the single-use observer by.
      b.start(List.of(address(a)));
      waitPeerCount(a, 2);
      AtomicInteger after = new AtomicInteger();
      a.observe(
          peers -> {
            after.incrementAndGet();
            return true;
          });
      b.stop();
      waitPeerCount(a, 1);
      assertEquals(1, once.get(), "an observer that returned false was called again");
    }
  }

  private static int take(LinkedBlockingQueue<Integer> sizes) {
    try {
      Integer size = sizes.poll(TestCluster.WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertTrue(size != null, "the observer was not invoked");
      return size;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
