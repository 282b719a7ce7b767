/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import io.ckit.internal.swim.Member;
import io.ckit.internal.swim.SwimDelegate;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.LocalState;
import io.ckit.internal.wire.StateMessage;
import io.ckit.peer.State;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A stand-in for the ckit layer with the same traffic shape at steady state: it tracks peers from
 * join and leave events like ckit's peer map, and sends ckit's push/pull user state (a msgpack
 * {@code localState} listing every known peer as a participant at a small lamport time). It sends
 * no State broadcasts (ckit sends those only when a node changes state).
 */
public final class CkitLikeDelegate implements SwimDelegate {
  private final Set<String> peers = new LinkedHashSet<>();
  private final Set<String> departed = new LinkedHashSet<>();
  private long joins;
  private long leaves;
  private final boolean userState;
  private final boolean saysWhenEmpty;

  /**
   * Creates a delegate.
   *
   * @param userState whether push/pulls carry ckit's localState (true for realistic byte counts)
   * @param saysWhenEmpty whether it tells the engine that it has no broadcasts, so the gossip ticker
   *     sleeps while the engine's own queue is empty too (as under the real ckit layer)
   */
  public CkitLikeDelegate(boolean userState, boolean saysWhenEmpty) {
    this.userState = userState;
    this.saysWhenEmpty = saysWhenEmpty;
  }

  @Override
  public boolean hasBroadcasts() {
    return !saysWhenEmpty; // it never queues any
  }

  @Override
  public void notifyJoin(Member node) {
    peers.add(node.name());
    joins++;
  }

  @Override
  public void notifyUpdate(Member node) {
    peers.add(node.name());
  }

  @Override
  public void notifyLeave(Member node) {
    peers.remove(node.name());
    departed.add(node.name());
    leaves++;
  }

  @Override
  public byte[] localState(boolean join) {
    if (!userState) {
      return null;
    }
    List<StateMessage> states = new ArrayList<>(peers.size());
    for (String peer : peers) {
      states.add(new StateMessage(peer, State.PARTICIPANT, 2));
    }
    return Codec.encodeLocalState(new LocalState(peers.size() + 2L, states));
  }

  /** Returns the peers ckit would list (joined and not left), self included. */
  public Set<String> peers() {
    return peers;
  }

  /** Returns how many join events were delivered. */
  public long joins() {
    return joins;
  }

  /** Returns the name of every node this delegate saw leave or die at least once. */
  public Set<String> departed() {
    return departed;
  }

  /** Returns how many leave events were delivered. */
  public long leaves() {
    return leaves;
  }
}
