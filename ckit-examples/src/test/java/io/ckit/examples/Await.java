/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for conditions with a timeout: the tests' only way to wait for the cluster. */
final class Await {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Await() {}

  /**
   * Polls {@code condition} every 10 ms until it holds.
   *
   * @param what what is awaited, for the failure message
   * @param details describes the current state, for the failure message
   * @throws AssertionError if the condition does not hold within {@link #TIMEOUT}
   */
  static void until(String what, BooleanSupplier condition, Supplier<String> details) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what + "; now: "
                + details.get());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  /** Waits until every node of the demo sees all of them as participants, in peers and sharder. */
  static void converged(ClusterDemo demo) {
    List<DemoNode> nodes = demo.nodes();
    until(
        "every node to see " + nodes.size() + " participants",
        () -> nodes.stream().allMatch(node -> sees(node, nodes.size())),
        () -> nodes.stream().map(Await::describe).toList().toString());
  }

  private static String describe(DemoNode node) {
    return node.name()
        + " sees "
        + node.node().peers().stream().map(peer -> peer.name() + "=" + peer.state()).toList();
  }

  private static boolean sees(DemoNode node, int participants) {
    List<Peer> peers = node.node().peers();
    return peers.size() == participants
        && peers.stream().allMatch(peer -> peer.state() == State.PARTICIPANT)
        && node.sharder().peers().size() == participants;
  }
}
