/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import java.util.List;

/**
 * The gossip loop (memberlist's {@code gossip}, wire spec §7.9): every gossip interval, pick up to
 * {@code gossipNodes} random nodes that are alive, suspect, or dead for no longer than the
 * gossip-to-the-dead time, and send each a packet full of queued broadcasts (one message as is,
 * several as compounds of at most 255), with a CRC and compressed if smaller. A round stops at the
 * first node for which nothing is queued.
 *
 * <p>The ticker sleeps while nothing is queued: a tick that finds both broadcast queues empty (where
 * memberlist's round would pick its targets and return without sending) does not schedule the next
 * one, so an idle node's loop is not woken five times a second for nothing. {@link #resume}, which
 * the engine calls after every input and timer poll, schedules the ticker again, in its original
 * phase, at the first tick after the moment something was queued: the same tick an always-running
 * ticker would have sent it on. Two differences remain, neither visible on the wire: sleeping ticks
 * draw no random targets, and a broadcast queued while the loop was running late past a tick (a
 * late timer, a long batch of tasks) waits for the next tick instead of going out on the late one.
 *
 * <p>Confined to the membership loop.
 */
final class Gossiper {
  private final SwimConfig config;
  private final NodeTable nodes;
  private final PacketSender sender;
  private final Timers timers;
  private final long intervalNanos;
  private final long gossipToTheDeadNanos;
  private final int bytesAvail;
  private boolean running;
  private boolean scheduled;
  /** The tick scheduled, or while sleeping the last tick that ran: the ticker's phase. */
  private long nextTickNanos;

  Gossiper(SwimConfig config, NodeTable nodes, PacketSender sender, Timers timers) {
    this.config = config;
    this.nodes = nodes;
    this.sender = sender;
    this.timers = timers;
    this.intervalNanos = config.gossipInterval().toNanos();
    this.gossipToTheDeadNanos = config.gossipToTheDead().toNanos();
    this.bytesAvail =
        config.udpBufferSize() - PacketSender.COMPOUND_HEADER_OVERHEAD - config.labelOverhead();
  }

  /** Starts the gossip ticker (no-op if the interval or the fan-out is zero). */
  void start(long nowNanos) {
    if (intervalNanos > 0 && config.gossipNodes() > 0) {
      running = true;
      scheduled = true;
      nextTickNanos = nowNanos + intervalNanos;
      timers.schedule(nextTickNanos, this::tick);
    }
  }

  /**
   * Wakes a sleeping ticker if broadcasts are queued: its next tick is the first one of its phase
   * after {@code nowNanos}. Cheap when there is nothing to do; call it after every input.
   */
  void resume(long nowNanos) {
    if (running && !scheduled && sender.hasBroadcasts()) {
      scheduled = true;
      nextTickNanos = Ticks.next(nextTickNanos, nowNanos, intervalNanos);
      timers.schedule(nextTickNanos, this::tick);
    }
  }

  /** Returns true if a gossip tick is scheduled (false before start and while sleeping). */
  boolean isScheduled() {
    return scheduled;
  }

  private void tick(long nowNanos) {
    if (!sender.hasBroadcasts()) {
      scheduled = false; // sleep; nextTickNanos keeps the phase
      return;
    }
    nextTickNanos = Ticks.next(nextTickNanos, nowNanos, intervalNanos);
    timers.schedule(nextTickNanos, this::tick);
    gossip(nowNanos);
  }

  /** Runs one gossip round. */
  void gossip(long nowNanos) {
    // Names are unique in the table, so "named like this node" is "is this node's entry"; comparing
    // references spares a string comparison per draw.
    NodeState self = nodes.get(config.name());
    List<NodeState> targets =
        nodes.kRandomNodes(
            config.gossipNodes(),
            n -> {
              if (n == self) {
                return true;
              }
              switch (n.state) {
                case ALIVE:
                case SUSPECT:
                  return false;
                case DEAD:
                  return nowNanos - n.stateChangeNanos > gossipToTheDeadNanos;
                default:
                  return true;
              }
            });
    for (NodeState node : targets) {
      List<byte[]> msgs = sender.getBroadcasts(PacketSender.COMPOUND_OVERHEAD, bytesAvail);
      if (msgs.isEmpty()) {
        return;
      }
      if (msgs.size() == 1) {
        sender.rawSend(node.address(), node, msgs.get(0));
      } else {
        sender.sendCompounds(node.address(), node, msgs);
      }
    }
  }
}
