/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import org.slf4j.event.Level;
import io.ckit.internal.log.NodeLog;
import io.ckit.internal.wire.AckResp;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.IndirectPingReq;
import io.ckit.internal.wire.NackResp;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.Ping;
import io.ckit.internal.wire.Suspect;
import java.util.List;

/**
 * SWIM failure detection (memberlist's {@code probe}, {@code probeNode}, {@code handlePing}, {@code
 * handleIndirectPing}; wire spec §7.3-§7.5).
 *
 * <p>The probe loop ticks every probe interval at a fixed rate from start-up, like Go's ticker: a
 * tick that arrives while a probe is still running is remembered (at most one, as Go's ticker
 * channel buffers one) and starts the next probe as soon as the current one ends. Each probe walks
 * the node list round-robin (reaping and shuffling on wrap-around), pings the target (with a
 * piggy-backed suspect when the target is already suspect), waits {@code probeTimeout} for the ack,
 * then asks up to {@code indirectChecks} random alive nodes to ping it, and finally waits until
 * {@code probeInterval × (health + 1)} after the start. No TCP fallback ping is attempted (ckit
 * disables it). Without an ack the target is suspected, and the health score moves by the missing
 * nacks (or +1 if no nacks were expected); with an ack it improves by one.
 *
 * <p>Confined to the membership loop.
 */
final class Prober {

  private final SwimConfig config;
  private final Membership membership;
  private final NodeTable nodes;
  private final Awareness awareness;
  private final AckHandlers acks;
  private final PacketSender sender;
  private final Timers timers;
  private final SwimCounters counters;
  private final NodeLog log;
  private final byte[] selfAddr;
  private final long intervalNanos;
  private final long timeoutNanos;
  private int sequenceNum;
  private int probeIndex;
  private Probe current;
  private boolean pendingTick;
  private long nextTickNanos;

  Prober(
      SwimConfig config,
      Membership membership,
      Awareness awareness,
      AckHandlers acks,
      PacketSender sender,
      Timers timers,
      SwimCounters counters,
      NodeLog log) {
    this.config = config;
    this.membership = membership;
    this.nodes = membership.nodes();
    this.awareness = awareness;
    this.acks = acks;
    this.sender = sender;
    this.timers = timers;
    this.counters = counters;
    this.log = log;
    this.selfAddr = config.advertiseAddr();
    this.intervalNanos = config.probeInterval().toNanos();
    this.timeoutNanos = config.probeTimeout().toNanos();
  }

  /** Starts the probe ticker (no-op when the probe interval is zero). */
  void start(long nowNanos) {
    if (intervalNanos > 0) {
      nextTickNanos = nowNanos + intervalNanos;
      timers.schedule(nextTickNanos, this::tick);
    }
  }

  private void tick(long nowNanos) {
    // Go's ticker keeps its phase and skips ticks it could not deliver.
    nextTickNanos = Ticks.next(nextTickNanos, nowNanos, intervalNanos);
    timers.schedule(nextTickNanos, this::tick);
    if (current != null) {
      pendingTick = true;
      return;
    }
    probe(nowNanos);
  }

  /** Returns the next sequence number (uint32, starts at 1). */
  int nextSeqNo() {
    return ++sequenceNum;
  }

  /** Returns the last sequence number handed out (for tests). */
  int sequenceNum() {
    return sequenceNum;
  }

  /** Returns true while a probe is waiting for its outcome. */
  boolean probing() {
    return current != null;
  }

  /** Returns the name of the node being probed, or null (for tests). */
  String probeTarget() {
    return current == null ? null : current.name;
  }

  /** Picks the next node round-robin and probes it (memberlist's {@code probe}). */
  void probe(long nowNanos) {
    int numCheck = 0;
    while (true) {
      if (numCheck >= nodes.size()) {
        return;
      }
      if (probeIndex >= nodes.size()) {
        membership.resetNodes(nowNanos);
        probeIndex = 0;
        numCheck++;
        continue;
      }
      NodeState node = nodes.at(probeIndex);
      boolean skip = node.name.equals(config.name()) || node.deadOrLeft();
      probeIndex++;
      if (skip) {
        numCheck++;
        continue;
      }
      probeNode(node, nowNanos);
      return;
    }
  }

  /** Probes one node (memberlist's {@code probeNode}); the outcome arrives later. */
  void probeNode(NodeState node, long nowNanos) {
    long probeInterval = awareness.scaleTimeout(intervalNanos);
    if (probeInterval > intervalNanos) {
      counters.increment(SwimCounter.DEGRADED_PROBE);
    }
    counters.increment(SwimCounter.PROBES);
    Probe probe = new Probe(node, nextSeqNo());
    current = probe;
    try {
      startProbe(probe, node, nowNanos, probeInterval);
    } catch (RuntimeException e) {
      // Never leave a half-started probe in place: it would stop the probe loop for good.
      probe.done = true;
      current = null;
      throw e;
    }
  }

  private void startProbe(Probe probe, NodeState node, long nowNanos, long probeInterval) {
    Ping ping =
        new Ping(probe.seqNo, node.name, selfAddr, config.advertisePort(), config.name());
    acks.register(
        probe.seqNo,
        (payload, now) -> probe.acked(now),
        probe::nacked,
        probe::expired,
        nowNanos + probeInterval);
    if (probe.state == NodeStateType.ALIVE) {
      sender.sendMsg(probe.address, ping);
    } else {
      // Tack a suspect on so the target can refute as soon as possible; sent with a CRC.
      byte[] compound =
          Codec.compound(
              List.of(
                  Codec.encode(ping),
                  Codec.encode(new Suspect(probe.incarnation, probe.name, config.name()))));
      sender.rawSend(probe.address, node, compound);
    }
    probe.directTimer = timers.schedule(nowNanos + timeoutNanos, probe::directTimedOut);
  }

  /** One probe in flight: a copy of the target as it was at the start, and the probe's progress. */
  private final class Probe {
    final String name;
    final String address;
    final byte[] addr;
    final int port;
    final int incarnation;
    final NodeStateType state;
    final int seqNo;
    Timers.Timer directTimer;
    boolean indirect;
    boolean done;
    int nacks;
    int expectedNacks;

    Probe(NodeState node, int seqNo) {
      this.name = node.name;
      this.address = node.address();
      this.addr = node.addr;
      this.port = node.port;
      this.incarnation = node.incarnation;
      this.state = node.state;
      this.seqNo = seqNo;
    }

    void acked(long nowNanos) {
      if (done) {
        return;
      }
      directTimer.cancel();
      finish(-1, nowNanos);
    }

    void nacked() {
      // Go's nack channel holds IndirectChecks + 1 entries; extra nacks are dropped.
      nacks = Math.min(nacks + 1, config.indirectChecks() + 1);
    }

    void directTimedOut(long nowNanos) {
      if (done || indirect) {
        return;
      }
      log.debug("Failed ping: {} (timeout reached)", name);
      sendIndirect();
    }

    void expired(long nowNanos) {
      if (done) {
        return;
      }
      if (!indirect) {
        // The ack deadline passed before the probe timeout: Go still sends the indirect pings,
        // then finds the expiry waiting and fails.
        directTimer.cancel();
        sendIndirect();
      }
      fail(nowNanos);
    }

    private void sendIndirect() {
      indirect = true;
      List<NodeState> helpers =
          nodes.kRandomNodes(
              config.indirectChecks(),
              n ->
                  n.name.equals(config.name())
                      || n.name.equals(name)
                      || n.state != NodeStateType.ALIVE);
      for (NodeState peer : helpers) {
        boolean nack = peer.pMax >= 4;
        if (nack) {
          expectedNacks++;
        }
        sender.sendMsg(
            peer.address(),
            new IndirectPingReq(
                seqNo, addr, port, name, nack, selfAddr, config.advertisePort(), config.name()));
      }
    }

    private void fail(long nowNanos) {
      int delta = 0;
      if (expectedNacks > 0) {
        if (nacks < expectedNacks) {
          delta += expectedNacks - nacks;
        }
      } else {
        delta += 1;
      }
      counters.increment(SwimCounter.PROBE_FAILURES);
      log.info("Suspect {} has failed, no acks received", name);
      membership.suspectNode(new Suspect(incarnation, name, config.name()), nowNanos);
      finish(delta, nowNanos);
    }

    private void finish(int awarenessDelta, long nowNanos) {
      done = true;
      awareness.applyDelta(awarenessDelta);
      current = null;
      if (pendingTick) {
        pendingTick = false;
        probe(nowNanos);
      }
    }
  }

  /** Answers a ping with an ack (memberlist's {@code handlePing}). */
  void handlePing(Ping ping, String from) {
    if (ping.node() != null && !ping.node().isEmpty() && !ping.node().equals(config.name())) {
      counters.increment(SwimCounter.DROPPED_PING_WRONG_NODE);
      log.remote(Level.WARN, "unexpected-ping", "Got ping for unexpected node '{}' from {}", ping.node(), from);
      return;
    }
    String address = replyAddress(ping.sourceAddr(), ping.sourcePort(), from);
    sender.sendMsg(address, new AckResp(ping.seqNo(), null));
  }

  /**
   * Probes a node on a requester's behalf (memberlist's {@code handleIndirectPing}): relays the ack,
   * or sends a nack after the probe timeout if the requester asked for one.
   */
  void handleIndirectPing(IndirectPingReq ind, String from, long nowNanos) {
    counters.increment(SwimCounter.INDIRECT_PINGS_SERVED);
    int port = ind.port() == 0 ? config.defaultPort() : ind.port();
    int localSeqNo = nextSeqNo();
    Ping ping = new Ping(localSeqNo, ind.node(), selfAddr, config.advertisePort(), config.name());
    String requester = replyAddress(ind.sourceAddr(), ind.sourcePort(), from);
    boolean[] acked = new boolean[1];
    acks.register(
        localSeqNo,
        (payload, now) -> {
          acked[0] = true;
          sender.sendMsg(requester, new AckResp(ind.seqNo(), null));
        },
        null,
        null,
        nowNanos + timeoutNanos);
    sender.sendMsg(Addresses.hostPort(ind.target(), port), ping);
    if (ind.nack()) {
      timers.schedule(
          nowNanos + timeoutNanos,
          now -> {
            if (!acked[0]) {
              counters.increment(SwimCounter.NACKS_SENT);
              sender.sendMsg(requester, new NackResp(ind.seqNo()));
            }
          });
    }
  }

  private static String replyAddress(byte[] sourceAddr, int sourcePort, String from) {
    if (sourceAddr != null && sourceAddr.length > 0 && sourcePort > 0) {
      return Addresses.hostPort(sourceAddr, sourcePort);
    }
    return from;
  }

  /** Forgets the probe in flight (at shutdown). */
  void stop() {
    current = null;
    pendingTick = false;
  }
}
