/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import io.ckit.internal.swim.InboundPacket;
import io.ckit.internal.swim.Network;
import io.ckit.internal.swim.StreamReplier;
import io.ckit.internal.swim.SwimConfig;
import io.ckit.internal.swim.SwimDelegate;
import io.ckit.internal.swim.SwimEngine;
import io.ckit.internal.wire.StreamMessage;
import io.ckit.internal.wire.StreamMessageReader;
import io.ckit.internal.wire.WireFormatException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * A deterministic discrete-event simulation of a membership cluster: one virtual clock and one
 * event queue drive every node's real {@link SwimEngine}, which exchange real encoded bytes through
 * a {@link NetworkModel}.
 *
 * <p>Each node is woken at its engine's next deadline. Packets are delivered after the link's
 * latency unless lost or blocked; streams are delivered reliably unless blocked, run through the
 * real {@link StreamMessageReader}, and a blocked or refused dial is reported as failed. A paused
 * node queues its inputs (packets in a 1000-packet inbox that drops the oldest, like gossiphttp's
 * receive queue) and on resume handles the queued packets as one batch. A crashed node loses its
 * state; a restart starts a fresh engine with the same name and address. A node can stall or slow
 * down the streams dialed to it ({@link SimNode#stallStreams}, {@link SimNode#slowStreams}), and
 * outsiders can inject raw packets and streams ({@link #injectPacket}, {@link #injectStream}; see
 * {@link GarbageSender}).
 *
 * <p>Reproducible: all randomness derives from the seed, node by node in creation order. Not thread
 * safe.
 */
public final class Simulation {
  /** Capacity of a paused node's packet inbox (gossiphttp's receive queue holds 1000). */
  static final int INBOX_CAPACITY = 1000;

  private final long seed;
  private final SplittableRandom random;
  private final NetworkModel network;
  private final PriorityQueue<Event> events = new PriorityQueue<>();
  private final List<SimNode> nodes = new ArrayList<>();
  private final Map<String, SimNode> byAddress = new HashMap<>();
  private final Map<String, SimNode> byName = new HashMap<>();
  private long now;
  private long sequence;
  private boolean sleepingGossip;
  private long eventsRun;
  private boolean classifyTraffic;
  private boolean ckitUserState = true;
  private final List<BiConsumer<SimNode, byte[]>> taps = new ArrayList<>();

  private static final class Event implements Comparable<Event> {
    final long time;
    final long seq;
    final Runnable action;

    Event(long time, long seq, Runnable action) {
      this.time = time;
      this.seq = seq;
      this.action = action;
    }

    @Override
    public int compareTo(Event o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /**
   * Creates a simulation and prints its seed.
   *
   * @param seed the seed of every random choice
   */
  public Simulation(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.network = new NetworkModel(random.split());
    System.out.println("[sim] seed=" + seed + " (rerun with -Dckit.sim.seed=" + seed + ")");
  }

  /** Returns {@code -Dckit.sim.seed} if set, else {@code defaultSeed}. */
  public static long seed(long defaultSeed) {
    String value = System.getProperty("ckit.sim.seed");
    return value == null || value.isBlank() ? defaultSeed : Long.parseLong(value.trim());
  }

  /** Returns the seed. */
  public long seedValue() {
    return seed;
  }

  /** Returns the network model. */
  public NetworkModel network() {
    return network;
  }

  /** Returns the virtual time in nanoseconds. */
  public long now() {
    return now;
  }

  /** Returns the number of events run so far. */
  public long eventsRun() {
    return eventsRun;
  }

  /** Turns per-kind classification of sent packets on (costs a decode per packet). */
  public void classifyTraffic(boolean enabled) {
    classifyTraffic = enabled;
  }

  /** Chooses whether push/pulls carry ckit's localState (default true). */
  public void ckitUserState(boolean enabled) {
    ckitUserState = enabled;
  }

  /**
   * Chooses whether nodes started from now on let their gossip ticker sleep while no broadcast is
   * queued, as the real ckit layer does (default false: the ticker runs every gossip interval, which
   * keeps the random draws, and so every scenario's recorded outcome, of the seeds documented in
   * docs/reliability.md). The bytes sent are the same either way.
   */
  public void sleepingGossip(boolean enabled) {
    sleepingGossip = enabled;
  }

  /**
   * Adds a node named {@code node-<index>} at 10.x.y.z:7946 with ckit's default configuration,
   * customized by {@code customize}. It does not start it.
   */
  public SimNode addNode(UnaryOperator<SwimConfig.Builder> customize) {
    int index = nodes.size();
    byte[] ip = {10, (byte) (index >> 16), (byte) (index >> 8), (byte) (index + 1)};
    String name = "node-" + index;
    SwimConfig config = customize.apply(SwimConfig.builder(name, ip, 7946)).build();
    SimNode node = new SimNode(index, name, ip, 7946, config);
    nodes.add(node);
    byAddress.put(node.address, node);
    byName.put(name, node);
    return node;
  }

  /** Adds {@code count} nodes with the same customization. */
  public List<SimNode> addNodes(int count, UnaryOperator<SwimConfig.Builder> customize) {
    List<SimNode> added = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      added.add(addNode(customize));
    }
    return added;
  }

  /** Returns every node, in creation order. */
  public List<SimNode> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  /** Returns a node by name. */
  public SimNode node(String name) {
    return byName.get(name);
  }

  /** Runs {@code action} at virtual time {@code time} (scenario scripting). */
  public void at(long time, Runnable action) {
    events.add(new Event(Math.max(time, now), sequence++, action));
  }

  /** Creates the engine of a simulated node (to start engines other than {@link SwimEngine#start}). */
  @FunctionalInterface
  public interface EngineFactory {
    /**
     * Creates an engine.
     *
     * @param config the node's configuration
     * @param network the node's simulated network
     * @param delegate the node's ckit-like delegate
     * @param random the node's random source
     * @param nowNanos the current virtual time
     * @return the engine
     */
    SwimEngine create(
        SwimConfig config,
        Network network,
        SwimDelegate delegate,
        RandomGenerator random,
        long nowNanos);
  }

  /**
   * Starts a node with an engine made by {@code factory} (tests that drive engines by hand).
   *
   * @return the engine
   */
  public SwimEngine startWith(SimNode node, EngineFactory factory) {
    beginRun(node);
    node.engine =
        factory.create(
            node.config, new SimNetwork(node, node.generation), node.delegate, random.split(), now);
    node.engine.setSnapshotPublishing(false);
    wake(node);
    return node.engine;
  }

  /**
   * Marks a node running in a new generation (inputs for an earlier one are then ignored), with
   * nothing pending and a fresh delegate; its engine is made by the caller.
   */
  private void beginRun(SimNode node) {
    node.generation++;
    node.status = SimNode.Status.RUNNING;
    node.pending.clear();
    node.pendingPackets = 0;
    node.delegate = new CkitLikeDelegate(ckitUserState, sleepingGossip);
  }

  /**
   * Makes the link between two nodes flap in both directions from now until {@code until}: down for
   * {@code down}, up for {@code up}, repeatedly; it is up again at the end.
   */
  public void flapLink(SimNode a, SimNode b, Duration down, Duration up, long until) {
    long t = now;
    while (t < until) {
      long downAt = t;
      long upAt = Math.min(until, t + down.toNanos());
      at(downAt, () -> setLink(a, b, false));
      at(upAt, () -> setLink(a, b, true));
      t = upAt + up.toNanos();
    }
  }

  private void setLink(SimNode a, SimNode b, boolean upNow) {
    network.setBlocked(a.index, b.index, !upNow);
    network.setBlocked(b.index, a.index, !upNow);
  }

  /**
   * Starts a node's engine now and joins it to the given seeds (no join if none).
   *
   * @param node the node (new, crashed or stopped)
   * @param seeds the nodes whose addresses to join
   */
  public void start(SimNode node, List<SimNode> seeds) {
    beginRun(node);
    node.joinResult = null;
    node.leaveResult = null;
    node.engine =
        SwimEngine.start(
            node.config, new SimNetwork(node, node.generation), node.delegate, random.split(), now);
    node.engine.setSnapshotPublishing(false);
    List<String> addresses = new ArrayList<>();
    for (SimNode s : seeds) {
      if (s != node) {
        addresses.add(s.address);
      }
    }
    if (!addresses.isEmpty()) {
      node.engine.join(addresses, now, result -> node.joinResult = result);
    }
    wake(node);
  }

  /** Kills a node without a leave: it stops at once, its state is lost. */
  public void crash(SimNode node) {
    node.status = SimNode.Status.CRASHED;
    node.engine = null;
    node.generation++;
    node.pending.clear();
    node.pendingPackets = 0;
  }

  /**
   * Leaves gracefully and shuts down when the leave completes (ckit's {@code Stop}: {@code
   * Leave(timeout)} then {@code Shutdown}).
   */
  public void leave(SimNode node, Duration timeout) {
    SwimEngine engine = node.engine;
    engine.leave(
        timeout,
        now,
        result -> {
          node.leaveResult = result;
          at(now, () -> stop(node, engine));
        });
    wake(node);
  }

  private void stop(SimNode node, SwimEngine engine) {
    if (node.engine == engine) {
      engine.shutdown(now);
      node.status = SimNode.Status.STOPPED;
      node.engine = null;
      node.generation++;
    }
  }

  /** Pauses a running node for {@code duration}: it processes nothing meanwhile. */
  public void pause(SimNode node, Duration duration) {
    if (node.status != SimNode.Status.RUNNING) {
      throw new IllegalStateException("cannot pause " + node);
    }
    node.status = SimNode.Status.PAUSED;
    int generation = node.generation;
    at(now + duration.toNanos(), () -> resume(node, generation));
  }

  /** Resumes a paused node now (before its pause was due to end). */
  public void resume(SimNode node) {
    resume(node, node.generation);
  }

  private void resume(SimNode node, int generation) {
    if (node.generation != generation || node.status != SimNode.Status.PAUSED) {
      return;
    }
    node.status = SimNode.Status.RUNNING;
    List<InboundPacket> batch = new ArrayList<>();
    while (!node.pending.isEmpty()) {
      Consumer<SwimEngine> input = node.pending.poll();
      if (input instanceof PacketInput p) {
        batch.add(p.packet);
        continue;
      }
      flush(node, batch);
      if (node.engine != null) {
        input.accept(node.engine);
      }
    }
    flush(node, batch);
    node.pendingPackets = 0;
    if (node.engine != null) {
      node.engine.poll(now);
      wake(node);
    }
  }

  private void flush(SimNode node, List<InboundPacket> batch) {
    if (!batch.isEmpty() && node.engine != null) {
      node.engine.onPackets(List.copyOf(batch), now);
    }
    batch.clear();
  }

  /** A queued packet (kept distinct so a resume can batch packets). */
  private record PacketInput(InboundPacket packet, long time) implements Consumer<SwimEngine> {
    @Override
    public void accept(SwimEngine engine) {
      throw new UnsupportedOperationException("packets are delivered in batches");
    }
  }

  /** Runs events until virtual time {@code end}; the clock then reads {@code end}. */
  public void runUntil(long end) {
    while (!events.isEmpty() && events.peek().time <= end) {
      Event e = events.poll();
      now = e.time;
      eventsRun++;
      e.action.run();
    }
    now = Math.max(now, end);
  }

  /** Runs for a virtual duration. */
  public void runFor(Duration duration) {
    runUntil(now + duration.toNanos());
  }

  /**
   * Runs until {@code condition} holds, checking it every {@code every} of virtual time, for at
   * most {@code max}.
   *
   * @return the virtual time at which it held, or -1 if it never did
   */
  public long runUntil(BooleanSupplier condition, Duration max, Duration every) {
    long end = now + max.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return now;
      }
      if (now >= end) {
        return -1;
      }
      runUntil(Math.min(end, now + every.toNanos()));
    }
  }

  /** Returns the traffic of all nodes added together. */
  public TrafficStats totalTraffic() {
    TrafficStats total = new TrafficStats();
    for (SimNode node : nodes) {
      total.add(node.stats);
    }
    return total;
  }

  /**
   * Schedules the node's next wake-up at its engine's next deadline, if earlier than planned. Call
   * it after driving an engine directly from a test.
   */
  public void wake(SimNode node) {
    if (node.engine == null) {
      return;
    }
    long next = node.engine.nextDeadline();
    if (next == Long.MAX_VALUE || next >= node.wakeAt && node.wakeAt > now) {
      return;
    }
    node.wakeAt = next;
    int generation = node.generation;
    events.add(
        new Event(
            Math.max(next, now),
            sequence++,
            () -> {
              if (node.generation != generation || node.wakeAt != next) {
                return;
              }
              node.wakeAt = Long.MAX_VALUE;
              if (node.status == SimNode.Status.RUNNING) {
                node.engine.poll(now);
                wake(node);
              }
            }));
  }

  /** Delivers an input to a node now, or queues it if the node is paused. */
  private void deliver(SimNode node, Consumer<SwimEngine> input) {
    if (node.status == SimNode.Status.PAUSED) {
      node.pending.add(input);
      return;
    }
    if (node.status == SimNode.Status.RUNNING) {
      input.accept(node.engine);
      wake(node);
    }
  }

  private void deliverPacket(SimNode to, InboundPacket packet) {
    if (to.status == SimNode.Status.PAUSED) {
      if (to.pendingPackets >= INBOX_CAPACITY) {
        // Drop the oldest queued packet, as gossiphttp's queue does.
        for (var it = to.pending.iterator(); it.hasNext(); ) {
          if (it.next() instanceof PacketInput) {
            it.remove();
            to.pendingPackets--;
            to.stats.packetsDropped++;
            break;
          }
        }
      }
      to.pending.add(new PacketInput(packet, now));
      to.pendingPackets++;
      to.stats.packetsReceived++;
      to.stats.packetBytesReceived += packet.packet().length;
      return;
    }
    if (to.status == SimNode.Status.RUNNING) {
      to.stats.packetsReceived++;
      to.stats.packetBytesReceived += packet.packet().length;
      to.engine.onPacket(packet.from(), packet.packet(), now);
      wake(to);
    }
  }

  /**
   * Reads an accepted stream's writes as the runtime does (a {@link StreamMessageReader} that
   * accepts a label header) and hands its first message, or the read error, to the engine.
   */
  private void serveStream(
      SimNode to, SwimEngine engine, String from, List<byte[]> writes, StreamReplier replier) {
    to.stats.streamsAccepted++;
    StreamMessageReader reader = new StreamMessageReader(true, 64 << 20);
    StreamMessage message = null;
    String error = null;
    try {
      for (byte[] write : writes) {
        to.stats.streamBytesReceived += write.length;
        reader.feed(write, 0, write.length);
      }
      message = reader.poll();
    } catch (WireFormatException e) {
      error = e.getMessage();
    }
    if (message != null) {
      engine.onStream(from, message, replier, now);
    } else if (error != null) {
      engine.onStreamUnreadable(from, error, replier, now);
    } else {
      replier.close();
    }
  }

  /**
   * Observes every packet a running node sends, before loss and partitions apply (to replay,
   * truncate or corrupt real traffic).
   */
  public void tapPackets(BiConsumer<SimNode, byte[]> tap) {
    taps.add(tap);
  }

  /**
   * Delivers a packet from an address outside the simulated cluster (a garbage sender, a spoofer)
   * to {@code to} now, as the transport would hand it over.
   */
  public void injectPacket(String fromAddress, SimNode to, byte[] packet) {
    deliverPacket(to, new InboundPacket(fromAddress, packet));
  }

  /**
   * Opens a stream from an address outside the simulated cluster to {@code to} now, writes {@code
   * writes} and ends it. Whatever the node answers goes to {@code onReply} (null if it closed without
   * answering). Nothing happens if the node is not running.
   */
  public void injectStream(
      String fromAddress, SimNode to, List<byte[]> writes, Consumer<byte[]> onReply) {
    if (!to.alive() || to.stallStreams) {
      return;
    }
    StreamReplier replier =
        new StreamReplier() {
          private boolean done;

          @Override
          public void reply(byte[] message) {
            done = true;
            onReply.accept(message);
          }

          @Override
          public void close() {
            if (!done) {
              done = true;
              onReply.accept(null);
            }
          }
        };
    deliver(to, engine -> serveStream(to, engine, fromAddress, writes, replier));
  }

  /** The network as seen by one process incarnation. */
  private final class SimNetwork implements Network {
    private final SimNode self;
    private final int generation;

    SimNetwork(SimNode self, int generation) {
      this.self = self;
      this.generation = generation;
    }

    @Override
    public void sendPacket(String address, byte[] packet) {
      self.stats.packetSent(packet, classifyTraffic);
      for (BiConsumer<SimNode, byte[]> tap : taps) {
        tap.accept(self, packet);
      }
      SimNode to = byAddress.get(address);
      if (to == null
          || !network.reachable(self.index, to.index)
          || network.lose(self.index, to.index)) {
        return;
      }
      InboundPacket inbound = new InboundPacket(self.ephemeralAddress, packet);
      at(now + network.latency(self.index, to.index), () -> deliverPacket(to, inbound));
    }

    @Override
    public void dialStream(String address, List<byte[]> writes, long timeoutNanos, long streamId) {
      self.stats.streamsDialed++;
      for (byte[] write : writes) {
        self.stats.streamWrite(write);
      }
      SimNode to = byAddress.get(address);
      if (to == null || !network.reachable(self.index, to.index)) {
        // No route: the dial hangs until the context times out.
        at(now + timeoutNanos, () -> toDialer(e -> e.onStreamFailed(streamId, "i/o timeout", now)));
        return;
      }
      at(now + network.latency(self.index, to.index), () -> accept(to, writes, streamId));
    }

    private void accept(SimNode to, List<byte[]> writes, long streamId) {
      if (!to.alive() || to.status == SimNode.Status.NEW) {
        reply(to, e -> e.onStreamFailed(streamId, "connection refused", now));
        return;
      }
      if (to.stallStreams) {
        to.streamsStalled++;
        return; // Held open and never answered: the dialer's timeout ends it.
      }
      deliver(
          to,
          engine ->
              serveStream(to, engine, self.ephemeralAddress, writes, new SimReplier(to, streamId)));
    }

    /** Sends an outcome from {@code from} back to this dialer, if the route allows. */
    private void reply(SimNode from, Consumer<SwimEngine> outcome) {
      if (!network.reachable(from.index, self.index)) {
        return; // The dialer's own timeout reports it.
      }
      long delay = from.streamReplyDelayNanos + network.latency(from.index, self.index);
      at(now + delay, () -> toDialer(outcome));
    }

    private void toDialer(Consumer<SwimEngine> outcome) {
      if (self.generation != generation) {
        return;
      }
      deliver(self, outcome);
    }

    /** The acceptor side of one stream. */
    private final class SimReplier implements StreamReplier {
      private final SimNode acceptor;
      private final long streamId;
      private boolean replied;

      SimReplier(SimNode acceptor, long streamId) {
        this.acceptor = acceptor;
        this.streamId = streamId;
      }

      @Override
      public void reply(byte[] message) {
        replied = true;
        acceptor.stats.streamWrite(message);
        SimNetwork.this.reply(
            acceptor,
            engine -> {
              self.stats.streamBytesReceived += message.length;
              StreamMessageReader reader = new StreamMessageReader(false, 64 << 20);
              StreamMessage reply;
              try {
                reader.feed(message, 0, message.length);
                reply = reader.poll();
              } catch (WireFormatException e) {
                engine.onStreamFailed(streamId, e.getMessage(), now);
                return;
              }
              if (reply == null) {
                engine.onStreamFailed(streamId, "unexpected EOF", now);
              } else {
                engine.onStreamReply(streamId, reply, now);
              }
            });
      }

      @Override
      public void close() {
        if (!replied) {
          SimNetwork.this.reply(acceptor, e -> e.onStreamFailed(streamId, "EOF", now));
        }
      }
    }
  }
}
