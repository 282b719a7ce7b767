/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.log.NodeLog;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.ErrResp;
import io.ckit.internal.wire.MessageType;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.PushNodeState;
import io.ckit.internal.wire.PushPull;
import io.ckit.internal.wire.StreamMessage;
import io.ckit.internal.wire.WireFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Anti-entropy and joins over streams (memberlist's {@code pushPullTrigger}, {@code pushPull},
 * {@code pushPullNode}, {@code sendAndReceiveState}, {@code handleConn}, {@code Join}; wire spec
 * §5, §7.10, §7.11).
 *
 * <p>Dialer: send the full local state (with the delegate's user state) as one compressed message,
 * read one reply, check protocol versions, merge. The periodic loop waits a random stagger, then
 * repeatedly waits {@code pushPullScale(interval, n)} and syncs with one random alive node; like
 * Go's loop, the next wait starts only after the sync ended. A join syncs with each address in turn
 * with the join flag set.
 *
 * <p>The acceptor side is {@link StreamAcceptor}.
 *
 * <p>Confined to the membership loop.
 */
final class PushPullSync {

  /** memberlist's {@code pushPullScaleThreshold}. */
  static final int PUSH_PULL_SCALE_THRESHOLD = 32;

  /** How a dialed push/pull ended. */
  @FunctionalInterface
  interface Outcome {
    /**
     * Called once.
     *
     * @param error null on success, else what failed
     * @param nowNanos the time of the outcome
     */
    void done(String error, long nowNanos);
  }

  private static final class PendingDial {
    final boolean join;
    final Outcome outcome;
    Timers.Timer timeout;

    PendingDial(boolean join, Outcome outcome) {
      this.join = join;
      this.outcome = outcome;
    }
  }

  private final SwimConfig config;
  private final Membership membership;
  private final NodeTable nodes;
  private final SwimDelegate delegate;
  private final PacketSender sender;
  private final Network network;
  private final Timers timers;
  private final SwimCounters counters;
  private final NodeLog log;
  private final RandomGenerator random;
  private final long intervalNanos;
  private final long tcpTimeoutNanos;
  private final Map<Long, PendingDial> pending = new HashMap<>();
  private long nextStreamId = 1;
  private boolean shutdown;

  PushPullSync(
      SwimConfig config,
      Membership membership,
      SwimDelegate delegate,
      PacketSender sender,
      Network network,
      Timers timers,
      SwimCounters counters,
      RandomGenerator random,
      NodeLog log) {
    this.config = config;
    this.membership = membership;
    this.nodes = membership.nodes();
    this.delegate = delegate;
    this.sender = sender;
    this.network = network;
    this.timers = timers;
    this.counters = counters;
    this.log = log;
    this.random = random;
    this.intervalNanos = config.pushPullInterval().toNanos();
    this.tcpTimeoutNanos = config.tcpTimeout().toNanos();
  }

  /** Starts the periodic push/pull after a random stagger (no-op if the interval is zero). */
  void start(long nowNanos) {
    if (intervalNanos > 0) {
      long stagger = (random.nextLong() >>> 1) % intervalNanos;
      timers.schedule(nowNanos + stagger, this::scheduleNext);
    }
  }

  private void scheduleNext(long nowNanos) {
    timers.schedule(nowNanos + pushPullScale(intervalNanos, nodes.size()), this::periodic);
  }

  private void periodic(long nowNanos) {
    pushPull(nowNanos, this::scheduleNext);
  }

  /**
   * Runs one push/pull with a random alive node (memberlist's {@code pushPull}), then calls {@code
   * afterwards} with the time it ended (at once if there is no alive node).
   */
  void pushPull(long nowNanos, java.util.function.LongConsumer afterwards) {
    List<NodeState> picked =
        nodes.kRandomNodes(
            1, n -> n.name.equals(config.name()) || n.state != NodeStateType.ALIVE);
    if (picked.isEmpty()) {
      afterwards.accept(nowNanos);
      return;
    }
    NodeState node = picked.get(0);
    pushPullNode(
        node.address(),
        false,
        nowNanos,
        (error, now) -> {
          if (error != null) {
            log.error("Push/Pull with {} failed: {}", node.name, error);
          }
          afterwards.accept(now);
        });
  }

  /** Joins by pushing/pulling with each address in turn, with the join flag set. */
  void join(List<String> addresses, long nowNanos, Consumer<JoinResult> done) {
    List<String> errors = new ArrayList<>();
    int[] successes = new int[1];
    joinNext(addresses, 0, successes, errors, nowNanos, done);
  }

  private void joinNext(
      List<String> addresses,
      int index,
      int[] successes,
      List<String> errors,
      long nowNanos,
      Consumer<JoinResult> done) {
    if (index >= addresses.size()) {
      done.accept(new JoinResult(successes[0], errors));
      return;
    }
    String address = addresses.get(index);
    pushPullNode(
        address,
        true,
        nowNanos,
        (error, now) -> {
          if (error == null) {
            successes[0]++;
          } else {
            String failure = "Failed to join " + address + ": " + error;
            errors.add(failure);
            log.debug("{}", failure);
          }
          joinNext(addresses, index + 1, successes, errors, now, done);
        });
  }

  /** Starts a full state exchange with one address (memberlist's {@code pushPullNode}). */
  void pushPullNode(String address, boolean join, long nowNanos, Outcome outcome) {
    if (shutdown) {
      outcome.done("memberlist is shut down", nowNanos);
      return;
    }
    log.debug("Initiating push/pull sync with: {}", address);
    long id = nextStreamId++;
    PendingDial dial = new PendingDial(join, outcome);
    pending.put(id, dial);
    dial.timeout =
        timers.schedule(
            nowNanos + tcpTimeoutNanos,
            now -> {
              if (pending.remove(id) == dial) {
                counters.increment(SwimCounter.STREAM_TIMEOUTS);
                failed(dial, "i/o timeout", now);
              }
            });
    List<byte[]> writes = new ArrayList<>(2);
    byte[] label = sender.streamLabelHeader();
    if (label != null) {
      writes.add(label);
    }
    writes.add(sender.streamPushPull(localState(join)));
    counters.increment(SwimCounter.STREAMS_DIALED);
    network.dialStream(address, writes, tcpTimeoutNanos, id);
  }

  /** Handles the reply message of a dialed stream. */
  void onStreamReply(long streamId, StreamMessage reply, long nowNanos) {
    PendingDial dial = pending.remove(streamId);
    if (dial == null) {
      return;
    }
    dial.timeout.cancel();
    String error;
    try {
      error = readReply(dial.join, reply, nowNanos);
    } catch (WireFormatException | ClassCastException e) {
      error = "bad reply: " + e.getMessage();
    }
    if (error != null) {
      failed(dial, error, nowNanos);
    } else {
      dial.outcome.done(null, nowNanos);
    }
  }

  private String readReply(boolean join, StreamMessage reply, long nowNanos) {
    if (reply.type() == MessageType.ENCRYPT) {
      return "Remote state is encrypted and encryption is not configured";
    }
    byte[] buf = reply.uncompressed();
    int type = buf[0] & 0xFF;
    if (type == MessageType.ERR.code()) {
      ErrResp err = (ErrResp) Codec.decode(buf, 0, buf.length);
      return "remote error: " + err.error();
    }
    if (type != MessageType.PUSH_PULL.code()) {
      return "received invalid msgType (" + type + "), expected pushPullMsg (6)";
    }
    PushPull remote = Codec.decodePushPull(buf, 0, buf.length);
    return mergeRemoteState(join, remote, nowNanos);
  }

  /** Handles the failure of a dialed stream. */
  void onStreamFailed(long streamId, String reason, long nowNanos) {
    PendingDial dial = pending.remove(streamId);
    if (dial == null) {
      return;
    }
    dial.timeout.cancel();
    failed(dial, reason, nowNanos);
  }

  private void failed(PendingDial dial, String reason, long nowNanos) {
    counters.increment(SwimCounter.PUSH_PULL_FAILED);
    dial.outcome.done(reason, nowNanos);
  }

  /**
   * Checks protocol versions, merges node states and hands the user state to the delegate
   * (memberlist's {@code mergeRemoteState}). Port 0 in a node state means the default port.
   *
   * @return null on success, else why the merge was rejected
   */
  String mergeRemoteState(boolean join, PushPull remote, long nowNanos) {
    List<PushNodeState> states = new ArrayList<>(remote.nodes().size());
    for (PushNodeState s : remote.nodes()) {
      states.add(
          s.port() != 0
              ? s
              : new PushNodeState(
                  s.name(), s.addr(), config.defaultPort(), s.meta(), s.incarnation(), s.state(),
                  s.vsn()));
    }
    String error = membership.verifyProtocol(states);
    if (error != null) {
      counters.increment(SwimCounter.PUSH_PULL_REJECTED);
      return error;
    }
    membership.mergeState(states, nowNanos);
    byte[] userState = remote.userState();
    if (userState != null && userState.length > 0) {
      delegate.mergeRemoteState(userState, join);
    }
    return null;
  }

  /** Builds this node's push/pull message (memberlist's {@code sendLocalState}). */
  PushPull localState(boolean join) {
    List<PushNodeState> states = new ArrayList<>(nodes.size());
    for (NodeState n : nodes.list()) {
      states.add(
          new PushNodeState(n.name, n.addr, n.port, n.meta, n.incarnation, n.state, n.versions()));
    }
    byte[] userState = delegate.localState(join);
    return new PushPull(join, states, userState == null ? new byte[0] : userState);
  }

  /** Fails every dial in flight (at shutdown). */
  void shutdown(long nowNanos) {
    shutdown = true;
    List<PendingDial> dials = new ArrayList<>(pending.values());
    pending.clear();
    for (PendingDial dial : dials) {
      dial.timeout.cancel();
      dial.outcome.done("memberlist is shut down", nowNanos);
    }
  }

  /**
   * memberlist's {@code pushPullScale}: the interval, multiplied by {@code ceil(log2(n) - log2(32))
   * + 1} above 32 nodes.
   */
  static long pushPullScale(long intervalNanos, int n) {
    if (n <= PUSH_PULL_SCALE_THRESHOLD) {
      return intervalNanos;
    }
    double multiplier =
        Math.ceil(GoMath.log2(n) - GoMath.log2(PUSH_PULL_SCALE_THRESHOLD)) + 1.0;
    return (long) multiplier * intervalNanos;
  }
}
