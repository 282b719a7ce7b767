/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static io.ckit.TestCluster.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.cluster.NodeMetrics;
import io.ckit.internal.cluster.NodeRuntime;
import io.ckit.peer.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

/**
 * The thread budget and the clean shutdown: a started node runs exactly its loop and observer
 * threads however much it gossips (no thread per packet, stream or timer; everything else runs on
 * Jetty's pools), and after {@code stop()} its threads are gone, its streams closed and its queues
 * empty.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeThreadsTest {
  private static final Duration FAST = Duration.ofMillis(100);

  @ParameterizedTest
  @EnumSource(value = TestCluster.Mode.class, names = {"H2C", "MEMORY"})
  void shouldRunTwoThreadsPerNodeAndLeakNothingAfterStop(TestCluster.Mode mode) {
    try (TestCluster cluster = new TestCluster(mode)) {
      List<Node> nodes = new ArrayList<>();
      for (String name : List.of("node-a", "node-b", "node-c")) {
        // Frequent push/pulls and probes, so that many streams and packets flow.
        nodes.add(cluster.node(name, b -> b.pushPullInterval(FAST).probeInterval(FAST)
            .probeTimeout(Duration.ofMillis(50))));
      }
      Set<Thread> before = Thread.getAllStackTraces().keySet();
      assertEquals(List.of(), ckitThreads(), "no thread before start");

      nodes.get(0).start(List.of());
      nodes.get(1).start(List.of(address(nodes.get(0))));
      nodes.get(2).start(List.of(address(nodes.get(1))));
      for (Node node : nodes) {
        TestCluster.waitPeerCount(node, 3);
        node.changeState(State.PARTICIPANT).join();
      }
      for (Node node : nodes) {
        NodeMetrics metrics = node.runtime().metrics();
        Await.until(node + " merged 30 push/pulls", Duration.ofSeconds(60),
            () -> metrics.events(NodeMetrics.Event.MERGE_REMOTE_STATE) >= 30);
      }

      List<String> expected = new ArrayList<>();
      for (String name : List.of("node-a", "node-b", "node-c")) {
        expected.add("ckit-" + name + "-loop");
        expected.add("ckit-" + name + "-observers");
      }
      assertEquals(expected.stream().sorted().toList(), ckitThreads());
      Set<String> others =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> !before.contains(t) && !t.getName().startsWith("ckit-"))
              .map(Thread::getName)
              .filter(name -> !isJetty(name))
              .collect(Collectors.toSet());
      assertEquals(Set.of(), others, "threads started besides ckit's and Jetty's pools");

      for (Node node : nodes) {
        node.stop();
      }
      assertEquals(List.of(), ckitThreads(), "threads left after stop");
      for (Node node : nodes) {
        NodeRuntime runtime = node.runtime();
        Await.until(node + " closed its streams", Duration.ofSeconds(30),
            () -> runtime.transport().metrics().openStreams() == 0
                && runtime.transport().packetsInFlight() == 0,
            () -> "open " + runtime.transport().metrics().openStreams());
        NodeRuntime.Diagnostics diagnostics = runtime.diagnostics();
        assertTrue(!diagnostics.loopThread().isAlive());
        assertEquals(0, diagnostics.queuedPackets(), "queued packets");
        assertEquals(0, diagnostics.queuedTasks(), "queued tasks");
        assertEquals(0, diagnostics.openAcceptedStreams(), "accepted streams");
        assertEquals(0, diagnostics.rejectedStreams(), "rejected streams");
        assertEquals(0, runtime.transport().queuedPackets(), "outgoing packets");
      }
    }
  }

  private static boolean isJetty(String name) {
    // Jetty's QueuedThreadPool, HttpClient executor and scheduler threads.
    return name.startsWith("qtp") || name.startsWith("HttpClient@")
        || name.startsWith("Scheduler-") || name.startsWith("Connector-Scheduler");
  }

  static List<String> ckitThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("ckit-node-"))
        .sorted()
        .toList();
  }
}
