/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static io.ckit.TestCluster.address;
import static io.ckit.TestCluster.waitPeerCount;
import static io.ckit.TestCluster.waitPeerState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ckit.peer.State;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ports ckit's {@code TestNode_State} over real nodes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeStateTest {

  @Test
  void shouldStartInViewerState() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.H2C)) {
      Node a = cluster.node("node-a");
      a.start(List.of());
      assertEquals(State.VIEWER, a.currentState());
    }
  }

  @Test
  void shouldMoveStatesAndRejectInvalidTransitionsWithGoText() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.H2C)) {
      Node a = cluster.node("node-a");
      a.start(List.of());
      a.changeState(State.PARTICIPANT).join();
      assertEquals(State.PARTICIPANT, a.currentState());

      StateTransitionException e =
          assertThrows(StateTransitionException.class, () -> a.changeState(State.VIEWER));
      assertEquals("invalid transition from participant to viewer", e.getMessage());
      assertSame(State.PARTICIPANT, e.from());
      assertSame(State.VIEWER, e.to());
      assertEquals(State.PARTICIPANT, a.currentState(), "a rejected change changes nothing");
    }
  }

  @ParameterizedTest
  @EnumSource(TestCluster.Mode.class)
  void shouldNotifyPeersOfStateChanges(TestCluster.Mode mode) {
    try (TestCluster cluster = new TestCluster(mode)) {
      Node a = cluster.node("node-a");
      Node b = cluster.node("node-b");
      a.start(List.of());
      b.start(List.of(address(a)));

      a.changeState(State.PARTICIPANT).join();
      b.changeState(State.PARTICIPANT).join();
      b.changeState(State.TERMINATING).join();

      waitPeerState(b, "node-a", State.PARTICIPANT);
      waitPeerState(a, "node-b", State.TERMINATING);
    }
  }

  @Test
  void shouldRestartInViewerState() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.H2C)) {
      Node a = cluster.node("node-a");
      a.start(List.of());

      Node b = cluster.node("node-b");
      b.start(List.of(address(a)));
      b.changeState(State.PARTICIPANT).join();
      b.changeState(State.TERMINATING).join();
      waitPeerState(a, "node-b", State.TERMINATING);
      b.stop();
      waitPeerCount(a, 1);

      Node revived = cluster.node("node-b");
      revived.start(List.of(address(a)));
      waitPeerState(a, "node-b", State.VIEWER);
    }
  }

  @Test
  void shouldRefuteStateCollisions() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.H2C)) {
      Node a = cluster.node("node-a");
      a.start(List.of());

      // An unchecked change, so that the revived instance reaches the same lamport time (1) with
      // another state.
      Node b = cluster.node("node-b");
      b.runtime().changeState(State.TERMINATING, false).join();
      b.start(List.of(address(a)));
      waitPeerState(a, "node-b", State.TERMINATING);
      b.runtime().stop(false); // crash: no leave, so node-a keeps node-b's state

      Node revived = cluster.node("node-b");
      revived.changeState(State.PARTICIPANT).join(); // before start: time 1 again
      revived.start(List.of(address(a)));
      waitPeerState(a, "node-b", State.PARTICIPANT);
    }
  }
}
