/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.log.NodeLog;
import org.slf4j.event.Level;
import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Dead;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.PushNodeState;
import io.ckit.internal.wire.Suspect;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SWIM membership rules as memberlist v0.5.3 applies them ({@code state.go} {@code aliveNode},
 * {@code suspectNode}, {@code deadNode}, {@code refute}, {@code mergeState}, {@code
 * verifyProtocol}; wire spec §7.6-§7.8, §7.15).
 *
 * <p>Owns the node table, the suspicion timers, the local incarnation counter and the leaving flag.
 * Every accepted change is re-gossiped through the {@link Broadcaster} and reported to the {@link
 * SwimDelegate}. Incarnations are uint32 and compared unsigned.
 *
 * <p>Confined to the membership loop.
 */
final class Membership {

  /** memberlist's {@code MetaMaxSize}. */
  static final int META_MAX_SIZE = 512;

  private final SwimConfig config;
  private final String localName;
  private final NodeTable nodes;
  private final Awareness awareness;
  private final Timers timers;
  private final Broadcaster broadcaster;
  private final SwimDelegate delegate;
  private final SwimCounters counters;
  private final NodeLog log;
  private final Map<String, Suspicion> suspicions = new HashMap<>();
  private int incarnation;
  private boolean left;
  private Runnable leaveFinished;
  private long version;

  Membership(
      SwimConfig config,
      NodeTable nodes,
      Awareness awareness,
      Timers timers,
      Broadcaster broadcaster,
      SwimDelegate delegate,
      SwimCounters counters,
      NodeLog log) {
    this.config = config;
    this.localName = config.name();
    this.nodes = nodes;
    this.awareness = awareness;
    this.timers = timers;
    this.broadcaster = broadcaster;
    this.delegate = delegate;
    this.counters = counters;
    this.log = log;
  }

  NodeTable nodes() {
    return nodes;
  }

  /** Returns a number that changes whenever the membership view changes (for snapshots). */
  long version() {
    return version;
  }

  /** Returns the local node, or null before {@link #setAlive}. */
  NodeState local() {
    return nodes.get(localName);
  }

  boolean hasLeft() {
    return left;
  }

  /** Returns the suspicion timer of a node, or null (for tests). */
  Suspicion suspicion(String name) {
    return suspicions.get(name);
  }

  /** Makes the local node alive with a new incarnation (memberlist's {@code setAlive}). */
  void setAlive(long nowNanos) {
    byte[] meta = delegate.nodeMeta(META_MAX_SIZE);
    if (meta != null && meta.length > META_MAX_SIZE) {
      throw new IllegalStateException(
          "node meta is " + meta.length + " bytes, more than the limit of " + META_MAX_SIZE);
    }
    Alive alive =
        new Alive(
            nextIncarnation(),
            localName,
            config.advertiseAddr(),
            config.advertisePort(),
            meta,
            Codec.CKIT_VSN.clone());
    aliveNode(alive, null, true, nowNanos);
  }

  int nextIncarnation() {
    return ++incarnation;
  }

  private int skipIncarnation(int offset) {
    incarnation += offset;
    return incarnation;
  }

  /**
   * Marks the local node as leaving and announces it: a dead message about ourselves from
   * ourselves at the current incarnation (memberlist's {@code Leave} without the wait).
   *
   * @param onBroadcastFinished called once the leave broadcast was sent up to its retransmit limit
   *     or replaced
   * @return false if the local node was already leaving
   */
  boolean leave(Runnable onBroadcastFinished, long nowNanos) {
    if (left) {
      return false;
    }
    left = true;
    leaveFinished = onBroadcastFinished;
    NodeState me = local();
    deadNode(new Dead(me.incarnation, me.name, me.name), nowNanos);
    return true;
  }

  /** Handles an alive message (memberlist's {@code aliveNode}, wire spec §7.7). */
  void aliveNode(Alive a, Runnable notify, boolean bootstrap, long nowNanos) {
    if (left && a.node().equals(localName)) {
      return;
    }
    byte[] vsn = a.vsn();
    if (vsn != null && vsn.length >= 3) {
      int pMin = vsn[0] & 0xFF;
      int pMax = vsn[1] & 0xFF;
      if (pMin == 0 || pMax == 0 || pMin > pMax) {
        counters.increment(SwimCounter.DROPPED_BAD_VSN);
        log.remote(Level.WARN, "alive-version", "Ignoring an alive message for '{}' because protocol version(s) are wrong", a.node());
        return;
      }
    }
    if (vsn != null && vsn.length > 0 && vsn.length < 6) {
      // Go v0.5.3 indexes Vsn[0..5] here and panics; we drop the message instead.
      counters.increment(SwimCounter.DROPPED_BAD_VSN);
      return;
    }
    NodeState state = nodes.get(a.node());
    boolean updatesNode = false;
    if (state == null) {
      state = new NodeState(a.node(), a.addr(), a.port(), a.meta());
      state.state = NodeStateType.DEAD;
      if (vsn != null && vsn.length > 5) {
        state.setVersions(vsn);
      }
      nodes.add(state);
    } else if (!Arrays.equals(state.addr, a.addr()) || state.port != a.port()) {
      boolean canReclaim =
          !config.deadNodeReclaimTime().isZero()
              && nowNanos - state.stateChangeNanos > config.deadNodeReclaimTime().toNanos();
      if (state.state == NodeStateType.LEFT
          || (state.state == NodeStateType.DEAD && canReclaim)) {
        log.info(
            "Updating address for left or failed node {} from {} to {}",
            state.name,
            state.address(),
            Addresses.hostPort(a.addr(), a.port()));
        updatesNode = true;
      } else {
        log.remote(
            Level.ERROR,
            "conflicting-address",
            "Conflicting address for {}. Mine: {} Theirs: {} Old state: {}",
            state.name,
            state.address(),
            Addresses.hostPort(a.addr(), a.port()),
            state.state);
        counters.increment(SwimCounter.CONFLICTS);
        Member other =
            new Member(
                a.node(),
                a.addr(),
                a.port(),
                Addresses.hostPort(a.addr(), a.port()),
                a.meta(),
                NodeStateType.ALIVE,
                a.incarnation(),
                vsn);
        delegate.notifyConflict(state.toMember(), other);
        return;
      }
    }
    boolean isLocal = state.name.equals(localName);
    int cmp = Integer.compareUnsigned(a.incarnation(), state.incarnation);
    if (cmp <= 0 && !isLocal && !updatesNode) {
      return;
    }
    if (cmp < 0 && isLocal) {
      return;
    }
    cancelSuspicion(a.node());
    NodeStateType oldState = state.state;
    byte[] oldMeta = state.meta;
    if (!bootstrap && isLocal) {
      if (cmp == 0 && bytesEqual(a.meta(), state.meta) && bytesEqual(vsn, state.versions())) {
        return;
      }
      refute(state, a.incarnation());
      log.warn("Refuting an alive message for '{}' ({})", a.node(), Addresses.hostPort(a.addr(), a.port()));
    } else {
      broadcaster.broadcast(a.node(), a, notify);
      if (vsn != null && vsn.length > 0) {
        state.setVersions(vsn);
      }
      state.incarnation = a.incarnation();
      state.meta = a.meta();
      state.setAddress(a.addr(), a.port());
      if (state.state != NodeStateType.ALIVE) {
        state.state = NodeStateType.ALIVE;
        state.stateChangeNanos = nowNanos;
      }
    }
    version++;
    counters.increment(SwimCounter.MSG_ALIVE);
    if (oldState == NodeStateType.DEAD || oldState == NodeStateType.LEFT) {
      delegate.notifyJoin(state.toMember());
    } else if (!bytesEqual(oldMeta, state.meta)) {
      delegate.notifyUpdate(state.toMember());
    }
  }

  /** Handles a suspect message (memberlist's {@code suspectNode}, wire spec §7.7). */
  void suspectNode(Suspect s, long nowNanos) {
    NodeState state = nodes.get(s.node());
    if (state == null) {
      return;
    }
    if (Integer.compareUnsigned(s.incarnation(), state.incarnation) < 0) {
      return;
    }
    Suspicion timer = suspicions.get(s.node());
    if (timer != null) {
      if (timer.confirm(s.from(), nowNanos)) {
        broadcaster.broadcast(s.node(), s, null);
      }
      return;
    }
    if (state.state != NodeStateType.ALIVE) {
      return;
    }
    if (state.name.equals(localName)) {
      refute(state, s.incarnation());
      log.warn("Refuting a suspect message (from: {})", s.from());
      return;
    }
    broadcaster.broadcast(s.node(), s, null);
    version++;
    counters.increment(SwimCounter.MSG_SUSPECT);
    state.incarnation = s.incarnation();
    state.state = NodeStateType.SUSPECT;
    long changeTime = nowNanos;
    state.stateChangeNanos = changeTime;

    // Expect k confirmations, unless the cluster is too small to provide them (n minus ourselves
    // and the suspect).
    int k = config.suspicionMult() - 2;
    int n = nodes.size();
    if (n - 2 < k) {
      k = 0;
    }
    long min = Suspicion.suspicionTimeout(config.suspicionMult(), n, config.probeInterval().toNanos());
    long max = config.suspicionMaxTimeoutMult() * min;
    int expected = k;
    String name = s.node();
    suspicions.put(
        name,
        new Suspicion(
            s.from(),
            k,
            min,
            max,
            nowNanos,
            timers,
            (confirmations, now) ->
                suspicionTimedOut(name, changeTime, expected, confirmations, now)));
  }

  private void suspicionTimedOut(
      String name, long changeTime, int k, int confirmations, long nowNanos) {
    NodeState state = nodes.get(name);
    if (state == null
        || state.state != NodeStateType.SUSPECT
        || state.stateChangeNanos != changeTime) {
      return;
    }
    if (k > 0 && confirmations < k) {
      counters.increment(SwimCounter.DEGRADED_TIMEOUT);
    }
    log.info(
        "Marking {} as failed, suspect timeout reached ({} peer confirmations)",
        name,
        confirmations);
    deadNode(new Dead(state.incarnation, name, localName), nowNanos);
  }

  /** Handles a dead message (memberlist's {@code deadNode}, wire spec §7.7). */
  void deadNode(Dead d, long nowNanos) {
    NodeState state = nodes.get(d.node());
    if (state == null) {
      return;
    }
    if (Integer.compareUnsigned(d.incarnation(), state.incarnation) < 0) {
      return;
    }
    cancelSuspicion(d.node());
    if (state.deadOrLeft()) {
      return;
    }
    if (state.name.equals(localName)) {
      if (!left) {
        refute(state, d.incarnation());
        log.warn("Refuting a dead message (from: {})", d.from());
        return;
      }
      broadcaster.broadcast(d.node(), d, leaveFinished);
    } else {
      broadcaster.broadcast(d.node(), d, null);
    }
    version++;
    counters.increment(SwimCounter.MSG_DEAD);
    state.incarnation = d.incarnation();
    state.state = d.isLeave() ? NodeStateType.LEFT : NodeStateType.DEAD;
    state.stateChangeNanos = nowNanos;
    delegate.notifyLeave(state.toMember());
  }

  /**
   * Gossips an alive message about ourselves with an incarnation above {@code accusedInc}
   * (memberlist's {@code refute}, wire spec §7.8). The broadcast is named after our IP string, not
   * our name, as in Go, so it does not replace queued messages named after us.
   */
  private void refute(NodeState me, int accusedInc) {
    int inc = nextIncarnation();
    if (Integer.compareUnsigned(accusedInc, inc) >= 0) {
      inc = skipIncarnation(accusedInc - inc + 1);
    }
    me.incarnation = inc;
    awareness.applyDelta(1);
    counters.increment(SwimCounter.REFUTES);
    Alive alive = new Alive(inc, me.name, me.addr, me.port, me.meta, me.versions());
    broadcaster.broadcast(Addresses.ipString(me.addr), alive, null);
    version++;
  }

  private void cancelSuspicion(String name) {
    Suspicion suspicion = suspicions.remove(name);
    if (suspicion != null) {
      suspicion.cancel();
    }
  }

  /**
   * Merges the node states of a push/pull (memberlist's {@code mergeState}): alive as alive, left
   * as a leave, dead or suspect as a suspicion from ourselves.
   */
  void mergeState(List<PushNodeState> remote, long nowNanos) {
    for (PushNodeState r : remote) {
      switch (r.state()) {
        case ALIVE:
          aliveNode(
              new Alive(r.incarnation(), r.name(), r.addr(), r.port(), r.meta(), r.vsn()),
              null,
              false,
              nowNanos);
          break;
        case LEFT:
          deadNode(new Dead(r.incarnation(), r.name(), r.name()), nowNanos);
          break;
        case DEAD:
        case SUSPECT:
          suspectNode(new Suspect(r.incarnation(), r.name(), localName), nowNanos);
          break;
        default:
          throw new IllegalStateException("unknown node state " + r.state());
      }
    }
  }

  /**
   * Checks that every alive node, remote and local, speaks a protocol and delegate version every
   * other alive node understands (memberlist's {@code verifyProtocol}, wire spec §7.15).
   *
   * @return null if compatible, else the error
   */
  String verifyProtocol(List<PushNodeState> remote) {
    return VersionCheck.verify(remote, nodes.list());
  }

  /** Reaps dead nodes past the gossip-to-the-dead time and shuffles (memberlist's {@code resetNodes}). */
  void resetNodes(long nowNanos) {
    if (!nodes.reapAndShuffle(nowNanos, config.gossipToTheDead().toNanos()).isEmpty()) {
      version++;
    }
  }

  /** Returns true if any node other than ourselves is neither dead nor left. */
  boolean anyAlive() {
    for (NodeState n : nodes.list()) {
      if (!n.deadOrLeft() && !n.name.equals(localName)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the number of nodes that are neither dead nor left, ourselves included. */
  int numMembers() {
    int alive = 0;
    for (NodeState n : nodes.list()) {
      if (!n.deadOrLeft()) {
        alive++;
      }
    }
    return alive;
  }

  /** Go's {@code bytes.Equal}: null and empty are equal. */
  static boolean bytesEqual(byte[] a, byte[] b) {
    int lenA = a == null ? 0 : a.length;
    int lenB = b == null ? 0 : b.length;
    if (lenA != lenB) {
      return false;
    }
    return lenA == 0 || Arrays.equals(a, b);
  }
}
