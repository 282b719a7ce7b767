/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.log.NodeLog;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.StreamMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The membership engine: hashicorp/memberlist v0.5.3's SWIM protocol with Lifeguard, as ckit
 * configures it, as a sans-I/O state machine.
 *
 * <h2>Model</h2>
 *
 * <p>SWIM [1] detects failures by probing: every probe interval a node pings the next member of a
 * shuffled round-robin list, asks k others to ping it indirectly if no ack comes back, and then
 * suspects it. Suspicions, deaths and joins spread by infection-style gossip piggy-backed on the
 * probe traffic and sent to a few random members every gossip interval; a suspected member refutes
 * by gossiping a higher incarnation. Lifeguard [2] adds local health awareness (a node that misses
 * its own deadlines probes more slowly), nacks from indirect probers (so a node can tell "the
 * target is dead" from "I am slow"), and suspicion timeouts that start long and shrink as
 * independent confirmations arrive. memberlist [3] adds periodic full-state push/pull over streams
 * (anti-entropy, and the join mechanism), a transmit-limited broadcast queue, graceful leave as a
 * dead message from the node itself, and reaping of dead members after a grace period. Every rule
 * here follows memberlist's code; {@code /work/shared/design/wire-spec.md} §4, §5 and §7 cite it
 * line by line, and each class names the Go function it ports.
 *
 * <h2>Ownership and threading</h2>
 *
 * <p>One thread, the membership loop, owns every piece of mutable state below and is the only
 * caller of this class's methods except {@link #snapshot()}, {@link #counters()} and {@link
 * #name()}. There are no locks, no threads, no blocking and no clocks inside: time comes in as
 * {@code nowNanos} (any monotonic origin), randomness from the injected {@link RandomGenerator}, and
 * I/O goes out through the injected {@link Network}. Stream outcomes come back as later inputs
 * correlated by id. Other threads read the immutable {@link SwimSnapshot} the loop publishes.
 *
 * <h2>Inputs</h2>
 *
 * <ul>
 *   <li>{@link #onPacket}/{@link #onPackets}: packets, as received in gossiphttp frames;
 *   <li>{@link #onStream}: a complete stream message another node sent us, with a replier ({@link
 *       #onStreamUnreadable} if it could not be read);
 *   <li>{@link #onStreamReply}/{@link #onStreamFailed}: the outcome of a stream we dialed;
 *   <li>{@link #join}, {@link #leave}, {@link #shutdown}: commands, whose results are delivered to
 *       callbacks on the loop;
 *   <li>{@link #poll}: runs every timer due and returns the next deadline.
 * </ul>
 *
 * <p>Every input first runs the timers due at or before its time and, after handling, the timers it
 * made due (for example a suspicion confirmed past its shortened deadline). The runtime calls {@link
 * #poll} again at the returned deadline. Time never goes backwards: an earlier {@code nowNanos} is
 * treated as the latest one seen.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>The node table's list and map hold the same nodes; the local node is in it from start-up
 *       until shutdown; "n" in every formula is the list's size (dead and left nodes not yet reaped
 *       included), as in Go.
 *   <li>A node has a suspicion timer iff it is suspect and no alive or dead message has superseded
 *       the suspicion; the timer only acts if the node is still suspect since the same instant.
 *   <li>At most one probe is in flight; ticks that arrive meanwhile collapse into one pending tick
 *       (Go's ticker semantics), so probes never overlap.
 *   <li>Every outgoing byte is produced by {@link Codec}; incarnations and sequence numbers are
 *       uint32 with wrap-around, compared unsigned.
 *   <li>Hand-off: alive, suspect, dead and user messages of one {@link #onPackets} batch are handled
 *       after all its pings, acks and nacks, newest first, alive first, at most {@code
 *       handoffQueueDepth} of each kind (memberlist's LIFO hand-off queues; the batch plays the
 *       role of what accumulated while Go's handler goroutine was busy).
 * </ul>
 *
 * <h2>Deviations from memberlist</h2>
 *
 * <ul>
 *   <li>Inputs Go would crash on are dropped and counted: version vectors of 1 to 5 bytes, compound
 *       and compress envelopes nested deeper than 8 levels; a failing timer action is logged and
 *       the other timers still run.
 *   <li>A piggy-backed packet never carries more than 255 parts: extra parts go in further
 *       compounds (Go's {@code sendMsg} would wrap the count byte).
 *   <li>A stream is handled as one complete message, so the acceptor's limit of 128 concurrent
 *       push/pulls is the runtime's to enforce while it reads; the acceptor merges even if writing
 *       its reply failed.
 *   <li>The gossip ticker sleeps while neither broadcast queue holds anything, instead of waking
 *       every gossip interval to find nothing to send (memberlist's round returns at once then); it
 *       wakes in its original phase when something is queued, so broadcasts leave on the same
 *       ticks. Sleeping ticks draw no random targets ({@link Gossiper}).
 *   <li>Not ported because ckit does not use them: TCP fallback pings (they are still answered),
 *       encryption, {@code Ping}, {@code UpdateNode}, {@code SendBestEffort}/{@code
 *       SendReliable}, the alive, merge and ping delegates, CIDR filtering, {@code
 *       RequireNodeNames} and {@code SkipInboundLabelCheck}. Address resolution for joins is the
 *       runtime's job.
 * </ul>
 *
 * <h2>References</h2>
 *
 * <ol>
 *   <li>A. Das, I. Gupta, A. Motivala, "SWIM: Scalable Weakly-consistent Infection-style Process
 *       Group Membership Protocol", DSN 2002.
 *   <li>A. Dadgar, J. Phillips, J. Currey, "Lifeguard: Local Health Awareness for More Accurate
 *       Failure Detection", IEEE DSN-W 2018 (arXiv:1707.00788).
 *   <li>hashicorp/memberlist v0.5.3 ({@code state.go}, {@code net.go}, {@code memberlist.go}, {@code
 *       queue.go}, {@code suspicion.go}, {@code awareness.go}, {@code broadcast.go}, {@code
 *       util.go}).
 * </ol>
 */
public final class SwimEngine {
  private final SwimConfig config;
  private final NodeLog log;
  private final Timers timers;
  private final SwimCounters counters = new SwimCounters();
  private final Awareness awareness;
  private final NodeTable nodes;
  private final TransmitLimitedQueue broadcasts;
  private final Membership membership;
  private final AckHandlers acks;
  private final PacketSender sender;
  private final Prober prober;
  private final Gossiper gossiper;
  private final PushPullSync sync;
  private final StreamAcceptor acceptor;
  private final PacketHandler packets;
  private long lastNow;
  private long lastLogFlush;
  private boolean shutdown;
  private LeaveWait leaveWait;
  private boolean publishSnapshots = true;
  private volatile SwimSnapshot snapshot;
  private long publishedVersion = -1;
  private int publishedHealth = -1;

  private SwimEngine(
      SwimConfig config,
      Network network,
      SwimDelegate delegate,
      RandomGenerator random,
      long nowNanos) {
    this.config = config;
    this.lastNow = nowNanos;
    this.lastLogFlush = nowNanos;
    this.log = NodeLog.memberlist(config.name(), () -> lastNow);
    this.timers = new Timers(log);
    this.awareness = new Awareness(config.awarenessMaxMultiplier());
    this.nodes = new NodeTable(random);
    this.broadcasts = new TransmitLimitedQueue(nodes::size, config.retransmitMult());
    Broadcaster broadcaster =
        (name, message, finished) ->
            broadcasts.queueBroadcast(
                new MemberlistBroadcast(name, Codec.encode(message), finished));
    this.membership =
        new Membership(config, nodes, awareness, timers, broadcaster, delegate, counters, log);
    this.acks = new AckHandlers(timers);
    this.sender = new PacketSender(config, network, broadcasts, delegate, nodes, counters, log);
    this.prober = new Prober(config, membership, awareness, acks, sender, timers, counters, log);
    this.gossiper = new Gossiper(config, nodes, sender, timers);
    this.sync =
        new PushPullSync(
            config, membership, delegate, sender, network, timers, counters, random, log);
    this.acceptor = new StreamAcceptor(config, sync, delegate, sender, counters, log);
    this.packets = new PacketHandler(config, membership, prober, acks, delegate, counters, log);
  }

  /**
   * Creates an engine and starts it (memberlist's {@code Create}): the local node becomes alive at
   * incarnation 1 (its alive message is queued and the delegate sees it join), and the probe,
   * gossip and push/pull loops are scheduled. No packet is sent until a timer fires or an input
   * arrives.
   *
   * @param config the configuration
   * @param network where packets and dials go
   * @param delegate the layer above (ckit), called on the loop
   * @param random the source of every random choice (probe order, helpers, gossip targets, stagger)
   * @param nowNanos the current time
   * @return the running engine
   */
  public static SwimEngine start(
      SwimConfig config,
      Network network,
      SwimDelegate delegate,
      RandomGenerator random,
      long nowNanos) {
    SwimEngine engine = create(config, network, delegate, random, nowNanos);
    engine.membership.setAlive(nowNanos);
    engine.prober.start(nowNanos);
    engine.sync.start(nowNanos);
    engine.gossiper.start(nowNanos);
    engine.publish(nowNanos);
    return engine;
  }

  /**
   * Creates an engine without making the local node alive or starting any loop (memberlist's
   * {@code newMemberlist}); tests drive it by hand.
   */
  static SwimEngine create(
      SwimConfig config,
      Network network,
      SwimDelegate delegate,
      RandomGenerator random,
      long nowNanos) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(random, "random");
    return new SwimEngine(config, network, delegate, random, nowNanos);
  }

  /** Returns the local node's name; thread safe. */
  public String name() {
    return config.name();
  }

  /** Returns the configuration; thread safe. */
  public SwimConfig config() {
    return config;
  }

  /** Returns the counters; thread safe. */
  public SwimCounters counters() {
    return counters;
  }

  /** Returns memberlist's log of this node, with its counts of remote-caused lines; thread safe. */
  public NodeLog log() {
    return log;
  }

  /**
   * Returns the last published snapshot; thread safe. Published after every input whose handling
   * changed the view, unless publishing is turned off.
   */
  public SwimSnapshot snapshot() {
    return snapshot;
  }

  /**
   * Turns snapshot publishing on or off (on by default). The simulator turns it off and reads the
   * engine directly on its own thread, to avoid copying a large member list after every input.
   */
  public void setSnapshotPublishing(boolean enabled) {
    publishSnapshots = enabled;
  }

  private long enter(long nowNanos) {
    long now = Math.max(nowNanos, lastNow);
    lastNow = now;
    timers.runDue(now);
    return now;
  }

  private void exit(long now) {
    timers.runDue(now);
    gossiper.resume(now);
    publish(now);
  }

  private boolean rejectAfterShutdown() {
    if (shutdown) {
      counters.increment(SwimCounter.DROPPED_AFTER_SHUTDOWN);
      return true;
    }
    return false;
  }

  /**
   * Handles one received packet, as a batch of one (see {@link #onPackets}).
   *
   * @param from the sender's transport address as seen by the runtime
   * @param packet the memberlist packet; not copied, must not be mutated
   * @param nowNanos the receive time
   */
  public void onPacket(String from, byte[] packet, long nowNanos) {
    if (rejectAfterShutdown()) {
      return;
    }
    long now = enter(nowNanos);
    packets.ingest(from, packet, now);
    packets.drainHandoff(now);
    exit(now);
  }

  /**
   * Handles packets received together: each is checked and its pings, indirect pings, acks and
   * nacks are handled in arrival order; then the batch's alive, suspect, dead and user messages are
   * handled newest first, alive messages first, as memberlist's hand-off queues do.
   *
   * @param batch the packets in arrival order
   * @param nowNanos the receive time
   */
  public void onPackets(List<InboundPacket> batch, long nowNanos) {
    if (rejectAfterShutdown()) {
      return;
    }
    long now = enter(nowNanos);
    for (InboundPacket packet : batch) {
      packets.ingest(packet.from(), packet.packet(), now);
    }
    packets.drainHandoff(now);
    exit(now);
  }

  /**
   * Serves a stream another node opened: {@code message} is the first complete message the
   * runtime's {@link io.ckit.internal.wire.StreamMessageReader} (created to accept a label header)
   * cut out of it. The engine checks the label, replies at most once through {@code replier} and
   * always closes it before returning: a push/pull is answered with the local state and then
   * merged; a stream ping with an ack; a user message goes to the delegate.
   *
   * @param from the peer's transport address as seen by the runtime
   * @param message the first stream message, with the stream's label
   * @param replier writes the reply and closes the stream
   * @param nowNanos the time the message was complete
   */
  public void onStream(String from, StreamMessage message, StreamReplier replier, long nowNanos) {
    if (rejectAfterShutdown()) {
      replier.close();
      return;
    }
    long now = enter(nowNanos);
    acceptor.handleStream(from, message, replier, now);
    exit(now);
  }

  /**
   * Answers a stream whose first message could not be read (the stream reader failed before the
   * stream ended) with an error message, then closes it, as Go's {@code handleConn} does. A stream
   * that ends cleanly before any message needs no call: just close it.
   *
   * @param from the peer's transport address as seen by the runtime
   * @param error why the message could not be read
   * @param replier writes the error reply and closes the stream
   * @param nowNanos the current time
   */
  public void onStreamUnreadable(
      String from, String error, StreamReplier replier, long nowNanos) {
    if (rejectAfterShutdown()) {
      replier.close();
      return;
    }
    long now = enter(nowNanos);
    acceptor.handleUnreadableStream(from, error, replier);
    exit(now);
  }

  /**
   * Delivers the reply to a stream this engine dialed.
   *
   * @param streamId the id passed to {@link Network#dialStream}
   * @param reply the first complete message the peer wrote back, as cut by a {@link
   *     io.ckit.internal.wire.StreamMessageReader} that accepts no label header
   * @param nowNanos the time it was read
   */
  public void onStreamReply(long streamId, StreamMessage reply, long nowNanos) {
    if (rejectAfterShutdown()) {
      return;
    }
    long now = enter(nowNanos);
    sync.onStreamReply(streamId, reply, now);
    exit(now);
  }

  /**
   * Reports that a stream this engine dialed failed (dial error, reset, timeout, no reply).
   *
   * @param streamId the id passed to {@link Network#dialStream}
   * @param reason what went wrong
   * @param nowNanos the time of the failure
   */
  public void onStreamFailed(long streamId, String reason, long nowNanos) {
    if (rejectAfterShutdown()) {
      return;
    }
    long now = enter(nowNanos);
    sync.onStreamFailed(streamId, reason, now);
    exit(now);
  }

  /**
   * Joins a cluster (memberlist's {@code Join}): a push/pull with the join flag to each address in
   * turn. {@code done} runs on the loop once every address was tried.
   *
   * @param addresses resolved {@code ip:port} addresses (resolution and the default port are the
   *     runtime's job)
   * @param nowNanos the current time
   * @param done receives the outcome
   * @throws IllegalStateException if the engine was shut down
   */
  public void join(List<String> addresses, long nowNanos, Consumer<JoinResult> done) {
    requireRunning("join");
    long now = enter(nowNanos);
    sync.join(List.copyOf(addresses), now, done);
    exit(now);
  }

  /**
   * Leaves gracefully (memberlist's {@code Leave}): marks the local node left and gossips a dead
   * message about itself from itself at the current incarnation, then waits until that broadcast
   * was sent up to its retransmit limit (or replaced), at most {@code timeout}. If no other node is
   * alive {@code done} runs at once. The node keeps gossiping until {@link #shutdown}. Calling it
   * again succeeds at once.
   *
   * @param timeout how long to wait for the broadcast; zero waits without limit
   * @param nowNanos the current time
   * @param done receives the outcome on the loop
   * @throws IllegalStateException if the engine was shut down
   */
  public void leave(Duration timeout, long nowNanos, Consumer<LeaveResult> done) {
    requireRunning("leave");
    long now = enter(nowNanos);
    LeaveWait wait = new LeaveWait(done, timers);
    if (!membership.leave(wait::complete, now)) {
      done.accept(new LeaveResult(null));
    } else {
      leaveWait = wait;
      if (!membership.anyAlive()) {
        wait.complete(null);
      } else if (!timeout.isZero() && !timeout.isNegative()) {
        wait.timeoutAt(now + timeout.toNanos());
      }
    }
    exit(now);
  }

  /**
   * Stops the engine (memberlist's {@code Shutdown}): no more timers, sends or inputs. Dials in
   * flight and a pending leave complete with an error. Safe to call more than once.
   *
   * @param nowNanos the current time
   */
  public void shutdown(long nowNanos) {
    if (shutdown) {
      return;
    }
    long now = Math.max(nowNanos, lastNow);
    lastNow = now;
    shutdown = true;
    sync.shutdown(now);
    if (leaveWait != null) {
      leaveWait.complete("memberlist is shut down");
    }
    timers.clear();
    acks.clear();
    packets.clear();
    prober.stop();
    publishedVersion = -1;
    publish(now);
  }

  /**
   * Runs every timer due at or before {@code nowNanos}.
   *
   * @param nowNanos the current time
   * @return the next deadline, or {@link Long#MAX_VALUE} if nothing is scheduled
   */
  public long poll(long nowNanos) {
    if (shutdown) {
      return Long.MAX_VALUE;
    }
    long now = enter(nowNanos);
    gossiper.resume(now); // a task may have queued a broadcast in the ckit layer
    publish(now);
    if (now - lastLogFlush >= NodeLog.SUMMARY_INTERVAL_NANOS) {
      lastLogFlush = now;
      log.flushSummaries(); // the summary of a burst of bad input that has since stopped
    }
    return timers.nextDeadline();
  }

  /** Returns the next deadline without running anything. */
  public long nextDeadline() {
    return shutdown ? Long.MAX_VALUE : timers.nextDeadline();
  }

  private void publish(long now) {
    if (!publishSnapshots) {
      return;
    }
    int health = awareness.healthScore();
    if (membership.version() == publishedVersion && health == publishedHealth) {
      return;
    }
    publishedVersion = membership.version();
    publishedHealth = health;
    snapshot = buildSnapshot(now);
  }

  /** Builds a snapshot of the current view (loop only). */
  public SwimSnapshot buildSnapshot(long nowNanos) {
    NodeState local = membership.local();
    return new SwimSnapshot(
        config.name(),
        members(),
        awareness.healthScore(),
        membership.numMembers(),
        Codec.CKIT_VSN[2],
        local == null ? 0 : local.incarnation,
        membership.hasLeft(),
        shutdown,
        nowNanos);
  }

  /** Returns every node in the node list, in probe order (loop only). */
  public List<Member> members() {
    List<Member> members = new ArrayList<>(nodes.size());
    for (NodeState n : nodes.list()) {
      members.add(n.toMember());
    }
    return members;
  }

  /** Returns one node as currently known, or null (loop only). */
  public Member member(String name) {
    NodeState node = nodes.get(name);
    return node == null ? null : node.toMember();
  }

  /** Returns the state of one node as currently known, or null if unknown (loop only). */
  public NodeStateType memberState(String name) {
    NodeState node = nodes.get(name);
    return node == null ? null : node.state;
  }

  /** Returns the number of nodes neither dead nor left, self included (loop only). */
  public int numMembers() {
    return membership.numMembers();
  }

  /** Returns the number of nodes in the node list, the "n" of the formulas (loop only). */
  public int numNodes() {
    return nodes.size();
  }

  /** Returns how many timer actions failed with an exception (loop only). */
  public long timerErrors() {
    return timers.errors();
  }

  /** Returns the Lifeguard health score (loop only). */
  public int healthScore() {
    return awareness.healthScore();
  }

  /** Returns the number of broadcasts waiting in memberlist's queue (loop only). */
  public int queuedBroadcasts() {
    return broadcasts.numQueued();
  }

  private void requireRunning(String what) {
    if (shutdown) {
      throw new IllegalStateException(what + " after shutdown");
    }
  }

  // Package-private access for tests.

  Membership membership() {
    return membership;
  }

  Prober prober() {
    return prober;
  }

  Gossiper gossiper() {
    return gossiper;
  }

  PushPullSync sync() {
    return sync;
  }

  TransmitLimitedQueue broadcasts() {
    return broadcasts;
  }

  Awareness awareness() {
    return awareness;
  }

  AckHandlers acks() {
    return acks;
  }

  /** Queues a message for gossip as the engine's own rules do (tests). */
  void broadcast(String name, Message message) {
    broadcasts.queueBroadcast(new MemberlistBroadcast(name, Codec.encode(message), null));
  }
}
