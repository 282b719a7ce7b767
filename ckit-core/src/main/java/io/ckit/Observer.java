/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Watches a {@link Node} for changes to its set of peers.
 *
 * <p>Observers are called on the node's single notification thread, one at a time, in the order
 * they were registered, with the newest peer list: if the cluster changes several times while an
 * observer is busy, it sees only the latest list afterwards. An observer that throws is logged and
 * stays registered; a slow observer delays only other observers, never membership itself.
 */
@FunctionalInterface
public interface Observer {

  /**
   * Called when the node's set of peers, or the state or address of a peer, changed.
   *
   * @param peers the current peers, sorted by name, unmodifiable
   * @return true to keep receiving notifications, false to unregister this observer
   */
  boolean notifyPeersChanged(List<Peer> peers);

  /**
   * Wraps an observer so that it is called only when the set of participants changes: when a
   * participant appears or disappears, or a participant's address changes. The wrapped observer
   * still receives the full peer list, not just participants (Go ckit's {@code
   * ParticipantObserver}).
   *
   * @param next the observer to call when participants change
   * @return a filtering observer; it keeps state, so register it with one node only
   */
  static Observer participants(Observer next) {
    Objects.requireNonNull(next, "next");
    return new Observer() {
      private List<Peer> lastParticipants = List.of();

      @Override
      public boolean notifyPeersChanged(List<Peer> peers) {
        List<Peer> participants = new ArrayList<>();
        for (Peer peer : peers) {
          if (peer.state() == State.PARTICIPANT) {
            participants.add(peer);
          }
        }
        participants.sort(Comparator.comparing(Peer::name));
        if (participants.equals(lastParticipants)) {
          return true;
        }
        lastParticipants = List.copyOf(participants);
        return next.notifyPeersChanged(peers);
      }
    };
  }
}
