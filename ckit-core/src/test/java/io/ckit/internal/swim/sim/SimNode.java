/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import io.ckit.internal.swim.InboundPacket;
import io.ckit.internal.swim.JoinResult;
import io.ckit.internal.swim.LeaveResult;
import io.ckit.internal.swim.SwimConfig;
import io.ckit.internal.swim.SwimEngine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One simulated process: its address, its current engine (replaced on restart), its run state
 * (running, paused, crashed, stopped), the inputs queued while paused, and its traffic counters.
 */
public final class SimNode {
  /** The process state. */
  public enum Status {
    /** Not started yet. */
    NEW,
    /** Running. */
    RUNNING,
    /** Running but paused (like a long GC pause): processes nothing, inputs queue up. */
    PAUSED,
    /** Killed without a leave; its address refuses connections. */
    CRASHED,
    /** Left and shut down. */
    STOPPED
  }

  final int index;
  final String name;
  final byte[] ip;
  final String address;
  final String ephemeralAddress;
  final SwimConfig config;
  final TrafficStats stats = new TrafficStats();
  boolean stallStreams;
  long streamReplyDelayNanos;
  long streamsStalled;
  final ArrayDeque<Consumer<SwimEngine>> pending = new ArrayDeque<>();
  int pendingPackets;
  Status status = Status.NEW;
  SwimEngine engine;
  CkitLikeDelegate delegate;
  int generation;
  long wakeAt = Long.MAX_VALUE;
  JoinResult joinResult;
  LeaveResult leaveResult;
  final List<InboundPacket> batch = new ArrayList<>();

  SimNode(int index, String name, byte[] ip, int port, SwimConfig config) {
    this.index = index;
    this.name = name;
    this.ip = ip;
    this.address = (ip[0] & 0xFF) + "." + (ip[1] & 0xFF) + "." + (ip[2] & 0xFF) + "." + (ip[3] & 0xFF)
        + ":" + port;
    this.ephemeralAddress = address.substring(0, address.indexOf(':')) + ":" + (40000 + index % 20000);
    this.config = config;
  }

  /** Returns the node's index in the simulation. */
  public int index() {
    return index;
  }

  /** Returns the node's name. */
  public String name() {
    return name;
  }

  /** Returns the node's transport address {@code ip:port}. */
  public String address() {
    return address;
  }

  /** Returns the current process state. */
  public Status status() {
    return status;
  }

  /** Returns true if the process is running (paused or not). */
  public boolean alive() {
    return status == Status.RUNNING || status == Status.PAUSED;
  }

  /** Returns the current engine (null before start and after a crash). */
  public SwimEngine engine() {
    return engine;
  }

  /** Returns the ckit-like delegate of the current engine. */
  public CkitLikeDelegate delegate() {
    return delegate;
  }

  /** Returns the traffic counters (across restarts). */
  public TrafficStats stats() {
    return stats;
  }

  /**
   * Makes the process stall every stream dialed to it from now on (true) or serve them again
   * (false): a stalled stream is accepted and read but never answered nor closed, like a peer whose
   * stream handlers hang. The dialer's own timeout ends it. Packets are unaffected.
   */
  public void stallStreams(boolean stall) {
    this.stallStreams = stall;
  }

  /**
   * Delays every stream reply this process writes by {@code delay} on top of the link latency (a
   * slow peer that dribbles its answer out); zero for none.
   */
  public void slowStreams(java.time.Duration delay) {
    this.streamReplyDelayNanos = delay.toNanos();
  }

  /** Returns how many streams dialed to this process it stalled. */
  public long streamsStalled() {
    return streamsStalled;
  }

  /** Returns the outcome of the last join, or null while it runs. */
  public JoinResult joinResult() {
    return joinResult;
  }

  /** Returns the outcome of the leave, or null. */
  public LeaveResult leaveResult() {
    return leaveResult;
  }

  @Override
  public String toString() {
    return name + "@" + address + "(" + status + ")";
  }
}
