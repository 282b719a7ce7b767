/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ports ckit's observer_test (TestParticipantObserver). */
class ObserverTest {
  static List<Arguments> cases() {
    Peer viewer = new Peer("foo", "", false, State.VIEWER);
    Peer participant = new Peer("foo", "", false, State.PARTICIPANT);
    Peer oldAddr = new Peer("foo", "oldaddr", false, State.PARTICIPANT);
    Peer newAddr = new Peer("foo", "newaddr", false, State.PARTICIPANT);
    return List.of(
        Arguments.of("no peers", List.of(), List.of(), false),
        Arguments.of("new non-participant", List.of(), List.of(viewer), false),
        Arguments.of("new participant", List.of(), List.of(participant), true),
        Arguments.of("existing participant", List.of(participant), List.of(participant), false),
        Arguments.of("existing participant changed", List.of(oldAddr), List.of(newAddr), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldCallNextOnlyWhenParticipantsChange(
      String name, List<Peer> before, List<Peer> after, boolean shouldCall) {
    AtomicInteger calls = new AtomicInteger();
    Observer observer =
        Observer.participants(
            peers -> {
              calls.incrementAndGet();
              return true;
            });
    observer.notifyPeersChanged(before);
    int callsAfterBefore = calls.get();

    observer.notifyPeersChanged(after);

    assertEquals(shouldCall ? 1 : 0, calls.get() - callsAfterBefore);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldPassTheFullPeerListAndTheUnregisterAnswerThrough(
      String name, List<Peer> before, List<Peer> after, boolean shouldCall) {
    List<Peer> full = new ArrayList<>(after);
    full.add(new Peer("zzz", "", false, State.VIEWER));
    List<List<Peer>> received = new ArrayList<>();
    Observer observer =
        Observer.participants(
            peers -> {
              received.add(peers);
              return false; // unregister
            });
    observer.notifyPeersChanged(before);
    received.clear();

    boolean keep = observer.notifyPeersChanged(full);

    assertEquals(shouldCall ? List.of(full) : List.of(), received);
    assertEquals(!shouldCall, keep);
  }
}
