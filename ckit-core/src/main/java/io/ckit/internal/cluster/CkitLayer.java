/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.log.NodeLog;
import org.slf4j.event.Level;
import io.ckit.internal.swim.Member;
import io.ckit.internal.swim.SwimDelegate;
import io.ckit.internal.swim.TransmitLimitedQueue;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.LocalState;
import io.ckit.internal.wire.StateMessage;
import io.ckit.internal.wire.WireFormatException;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ckit's layer above memberlist (Go ckit's {@code nodeDelegate} and the state half of {@code
 * Node}): the lamport clock, State messages, the push/pull user state and the peer map.
 *
 * <h2>Model</h2>
 *
 * <p>Every node announces its {@link State} with a State message {@code {node, state, lamport
 * time}} gossiped as a memberlist user message. A node keeps the newest State it saw for every
 * name ({@code peerStates}; newest by lamport time, ties broken only by refutation) and the
 * current peers ({@code peers}: memberlist's live members, each with its cached state or viewer).
 * A message about this node that is newer than what it knows of itself, or that claims a different
 * state at the same time, comes from an earlier incarnation of the process: it is answered with a
 * fresh message carrying the real local state at a new tick. New messages are re-gossiped; full
 * push/pull exchanges repair what gossip missed, restricted to peers both sides know, so entries
 * for departed nodes die out. Every rule follows Go ckit's {@code node.go} (wire spec §8).
 *
 * <h2>Ownership and threading</h2>
 *
 * <p>Confined to the membership loop: the engine calls the {@link SwimDelegate} methods on it and
 * the runtime calls {@link #changeState} there. No locks. Other threads see results only through
 * what {@link PeersListener} publishes and through {@link LamportClock#now()} and the metrics.
 *
 * <p>On every change of the peer map, the sorted, unmodifiable peer list goes to the {@link
 * PeersListener} synchronously (the runtime updates the sharder first, then publishes).
 */
public final class CkitLayer implements SwimDelegate {
  private static final int MAGIC = 0x1201;
  private static final int TYPE_STATE = 1;

  /** Receives every new peer list, on the membership loop. */
  @FunctionalInterface
  public interface PeersListener {
    /**
     * Called after the peer map changed.
     *
     * @param peers every peer, self included, sorted by name, unmodifiable
     */
    void peersChanged(List<Peer> peers);
  }

  private final String name;
  private final LamportClock clock;
  private final NodeMetrics metrics;
  private final PeersListener listener;
  private final NodeLog log;
  private final TransmitLimitedQueue broadcasts;
  private final Map<String, StateMessage> peerStates = new HashMap<>();
  private final Map<String, Peer> peers = new HashMap<>();
  private State localState = State.VIEWER;

  /**
   * Creates the layer of one node.
   *
   * @param name the local node's name
   * @param retransmitMult memberlist's retransmit multiplier, for the State broadcast queue
   * @param clock the node's lamport clock
   * @param metrics the node's metrics
   * @param listener receives each new peer list
   * @param log the node's log
   */
  public CkitLayer(
      String name,
      int retransmitMult,
      LamportClock clock,
      NodeMetrics metrics,
      PeersListener listener,
      NodeLog log) {
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.log = Objects.requireNonNull(log, "log");
    this.broadcasts = new TransmitLimitedQueue(peers::size, retransmitMult);
  }

  /**
   * Moves the local node to {@code to} and gossips it (Go's {@code changeState}): the State gets a
   * new tick, is stored (which updates the peer list) and is queued as a named broadcast. No
   * transition check here; the caller validated it.
   *
   * @param to the new state
   * @param onDone run once the broadcast was sent to its retransmit limit, replaced or dropped
   */
  public void changeState(State to, Runnable onDone) {
    localState = to;
    StateMessage message = new StateMessage(name, to, clock.tick());
    storePeerState(message);
    broadcasts.queueBroadcast(new StateBroadcast(message, onDone));
  }

  /** Returns true if a peer other than this node is known (Go's {@code len(n.peers) > 1}). */
  public boolean hasOtherPeers() {
    return peers.size() > 1;
  }

  /** Returns the local state as the loop last applied it. */
  public State localState() {
    return localState;
  }

  /** Returns the cached State of a node, or null. */
  public StateMessage peerState(String node) {
    return peerStates.get(node);
  }

  /** Returns the current peers, sorted by name. */
  public List<Peer> peers() {
    return sortedPeers();
  }

  /** Returns how many State broadcasts wait in this layer's queue. */
  public int queuedBroadcasts() {
    return broadcasts.numQueued();
  }

  /** Drops every queued State broadcast (their completions run); for shutdown. */
  public void shutdown() {
    broadcasts.reset();
  }

  @Override
  public byte[] nodeMeta(int limit) {
    return null;
  }

  @Override
  public void notifyMsg(byte[] payload) {
    if (payload.length < 3) {
      log.remote(Level.ERROR, "gossip-message", "failed to parse gossip message: payload too small for message");
      return;
    }
    int magic = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    if (magic != MAGIC) {
      log.remote(Level.ERROR, "gossip-message", "failed to parse gossip message: invalid magic header {}", Integer.toHexString(magic));
      return;
    }
    int type = payload[2] & 0xFF;
    if (type != TYPE_STATE) {
      log.remote(Level.ERROR, "gossip-message", "failed to parse gossip message: invalid message type {}", type);
      return;
    }
    metrics.event(NodeMetrics.Event.STATE_CHANGE);
    StateMessage received;
    try {
      received = Codec.decodeState(payload, 0, payload.length);
    } catch (WireFormatException e) {
      log.remote(Level.ERROR, "state-message", "failed to decode state message: {}", e.getMessage());
      return;
    }
    StateMessage accepted = handleStateMessage(received);
    if (accepted != null) {
      // Keep gossiping a message we had not seen.
      broadcasts.queueBroadcast(new StateBroadcast(accepted, null));
      metrics.stateBroadcast();
    }
  }

  /**
   * Go's {@code handleStateMessage}: observes the time, ignores a message that is not newer than
   * the cached one (unless it must be refuted), replaces a message about this node by the current
   * local state at a new tick, and stores the result.
   *
   * @return the message to re-broadcast, or null if it was ignored
   */
  StateMessage handleStateMessage(StateMessage message) {
    clock.observe(message.time());
    StateMessage accepted = accept(message);
    if (accepted != null) {
      storePeerState(accepted);
    }
    return accepted;
  }

  /** The accept, ignore or self-replace rule shared by messages and push/pull merges. */
  private StateMessage accept(StateMessage message) {
    StateMessage current = peerStates.get(message.nodeName());
    if (current != null
        && Long.compareUnsigned(message.time(), current.time()) <= 0
        && !shouldRefute(current, message)) {
      return null;
    }
    if (message.nodeName().equals(name)) {
      log.debug("got stale message about self: {}", message);
      return new StateMessage(name, localState, clock.tick());
    }
    log.debug("handling state message: {}", message);
    return message;
  }

  /** Go's {@code shouldRefute}: a message about us at our cached time but with another state. */
  private boolean shouldRefute(StateMessage cached, StateMessage received) {
    return received.nodeName().equals(name)
        && received.time() == cached.time()
        && received.newState() != cached.newState();
  }

  /** Go's {@code storePeerState}: caches the message and updates the peer it is about, if known. */
  private void storePeerState(StateMessage message) {
    peerStates.put(message.nodeName(), message);
    if (applyToPeer(message)) {
      peersChanged();
    }
  }

  private boolean applyToPeer(StateMessage message) {
    Peer peer = peers.get(message.nodeName());
    if (peer == null) {
      return false;
    }
    peers.put(peer.name(), new Peer(peer.name(), peer.addr(), peer.self(), message.newState()));
    return true;
  }

  @Override
  public List<byte[]> getBroadcasts(int overhead, int limit) {
    return broadcasts.getBroadcasts(overhead, limit);
  }

  @Override
  public boolean hasBroadcasts() {
    return broadcasts.numQueued() > 0;
  }

  @Override
  public byte[] localState(boolean join) {
    metrics.event(NodeMetrics.Event.GET_LOCAL_STATE);
    // One entry per current peer (not per cached state), so merges can forget departed nodes.
    List<StateMessage> states = new ArrayList<>(peers.size());
    for (String peer : peers.keySet()) {
      StateMessage state = peerStates.get(peer);
      states.add(state != null ? state : new StateMessage(peer, State.VIEWER, 0));
    }
    return Codec.encodeLocalState(new LocalState(clock.now(), states));
  }

  @Override
  public void mergeRemoteState(byte[] state, boolean join) {
    LocalState remote;
    try {
      remote = Codec.decodeLocalState(state, 0, state.length);
    } catch (WireFormatException e) {
      log.remote(Level.ERROR, "remote-state", "failed to decode remote state (join={}): {}", join, e.getMessage());
      return;
    }
    clock.observe(remote.currentTime());
    metrics.event(NodeMetrics.Event.MERGE_REMOTE_STATE);
    List<StateMessage> newMessages = new ArrayList<>(remote.nodeStates().size());
    boolean peersChanged = false;
    for (StateMessage message : remote.nodeStates()) {
      if (!peers.containsKey(message.nodeName())) {
        continue; // only peers we know about
      }
      StateMessage accepted = accept(message);
      if (accepted == null) {
        continue;
      }
      peerStates.put(accepted.nodeName(), accepted);
      peersChanged |= applyToPeer(accepted);
      newMessages.add(accepted);
    }
    if (peersChanged) {
      peersChanged();
    }
    for (StateMessage message : newMessages) {
      broadcasts.queueBroadcast(new StateBroadcast(message, null));
    }
  }

  @Override
  public void notifyJoin(Member node) {
    metrics.event(NodeMetrics.Event.NODE_JOIN);
    updatePeer(node);
  }

  @Override
  public void notifyUpdate(Member node) {
    metrics.event(NodeMetrics.Event.NODE_UPDATE);
    updatePeer(node);
  }

  @Override
  public void notifyLeave(Member node) {
    metrics.event(NodeMetrics.Event.NODE_LEAVE);
    peers.remove(node.name());
    peerStates.remove(node.name());
    peersChanged();
  }

  @Override
  public void notifyConflict(Member existing, Member other) {
    metrics.event(NodeMetrics.Event.NODE_CONFLICT);
  }

  private void updatePeer(Member node) {
    StateMessage cached = peerStates.get(node.name());
    State state = cached == null ? State.VIEWER : cached.newState();
    peers.put(node.name(), new Peer(node.name(), node.address(), node.name().equals(name), state));
    peersChanged();
  }

  /** Go's {@code handlePeersChanged}: metrics, then the sorted list to the listener. */
  private void peersChanged() {
    int[] counts = new int[State.values().length];
    for (Peer peer : peers.values()) {
      counts[peer.state().ordinal()]++;
    }
    metrics.peers(counts);
    listener.peersChanged(sortedPeers());
  }

  private List<Peer> sortedPeers() {
    List<Peer> sorted = new ArrayList<>(peers.values());
    sorted.sort(Comparator.comparing(Peer::name));
    return List.copyOf(sorted);
  }
}
