/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static io.ckit.TestCluster.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Start, stop and the calls around them: Go ckit's semantics plus Java's stopped checks. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeLifecycleTest {

  @Test
  void shouldIgnoreASecondStopAndRejectChangesAfterStop() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.MEMORY)) {
      Node a = cluster.node("node-a");
      a.start(List.of());
      a.stop();
      a.stop();
      assertThrows(NodeStoppedException.class, () -> a.start(List.of()));
      assertThrows(NodeStoppedException.class, () -> a.changeState(State.PARTICIPANT));
      assertThrows(NodeStoppedException.class, () -> a.observe(peers -> true));
      assertEquals("node stopped",
          assertThrows(NodeStoppedException.class, () -> a.start(List.of())).getMessage());
      assertEquals(State.VIEWER, a.currentState(), "readers keep working");
      assertEquals(List.of(), a.peers(), "the leave removed this node itself, as in Go");
    }
  }

  @Test
  void shouldStopANodeThatNeverStarted() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.MEMORY)) {
      Node a = cluster.node("node-a");
      a.observe(peers -> true);
      a.stop();
      assertThrows(NodeStoppedException.class, () -> a.start(List.of()));
      assertTrue(threadsOf("node-a").isEmpty(), "no thread was started");
    }
  }

  @Test
  void shouldApplyAChangeMadeBeforeStartWhenTheNodeStarts() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.MEMORY)) {
      Node a = cluster.node("node-a");
      CompletableFuture<Void> change = a.changeState(State.PARTICIPANT);
      assertTrue(change.isDone(), "no peers before start: the wait ends at once, as in Go");
      assertEquals(State.PARTICIPANT, a.currentState());
      assertEquals(List.of(new Peer("node-a", address(a), true, State.VIEWER)), a.peers(),
          "before start, peers hold this node as created");
      a.start(List.of());
      TestCluster.waitPeerState(a, "node-a", State.PARTICIPANT);

      Node b = cluster.node("node-b");
      b.start(List.of(address(a)));
      TestCluster.waitPeerState(b, "node-a", State.PARTICIPANT);
    }
  }

  @Test
  void shouldReportGoJoinErrorsAndKeepRunning() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.H2C)) {
      Node a = cluster.node("node-a");
      String unreachable = "127.0.0.1:" + closedPort;
      CkitException e = assertThrows(CkitException.class, () -> a.start(List.of(unreachable)));
      assertTrue(
          e.getMessage().startsWith(
              "failed to join memberlist: 1 error occurred:\n\t* Failed to join " + unreachable
                  + ": "),
          e.getMessage());
      assertTrue(e.getMessage().endsWith("\n\n"), e.getMessage());

      Node b = cluster.node("node-b");
      b.start(List.of());
      a.start(List.of(unreachable, address(b))); // one success is enough, as in memberlist
      TestCluster.waitPeerCount(b, 2);
    }
  }

  @Test
  void shouldRefuseToStartWithAStoppedClient() {
    HttpClient client = Http2.newClient(); // never started
    Node a = Node.create(client, Config.builder("node-a", "127.0.0.1:7946").build());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.start(List.of()));
    assertTrue(e.getMessage().contains("HttpClient"), e.getMessage());
    a.stop();
  }

  @Test
  void shouldFailPendingChangesWhenStopping() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.MEMORY)) {
      Node a = cluster.node("node-a");
      Node b = cluster.node("node-b", c -> c.gossipInterval(java.time.Duration.ofHours(1)));
      a.start(List.of());
      b.start(List.of(address(a)));
      TestCluster.waitPeerCount(b, 2);
      // With gossip effectively off, b's broadcast cannot finish before b stops.
      CompletableFuture<Void> change = b.changeState(State.PARTICIPANT);
      b.runtime().stop(false);
      CompletionException e = assertThrows(CompletionException.class, change::join);
      assertInstanceOf(NodeStoppedException.class, e.getCause());
    }
  }

  @Test
  void shouldRejectAnUnresolvableAdvertiseAddress() {
    HttpClient client = Http2.newClient();
    CkitException e =
        assertThrows(
            CkitException.class,
            () -> Node.create(client, Config.builder("a", "no-such-host.invalid:80").build()));
    assertTrue(e.getMessage().startsWith(
        "failed to lookup advertise address \"no-such-host.invalid\""), e.getMessage());
  }

  static List<String> threadsOf(String node) {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> name.startsWith("ckit-" + node + "-"))
        .sorted()
        .toList();
  }
}
