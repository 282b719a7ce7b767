/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated network between node indices: per-link base latency plus jitter and optional
 * latency spikes (a heavy tail), packet loss
 * (global and per directed link), partitions (groups that cannot reach each other) and directed
 * blocks (asymmetric partitions, flapping links).
 *
 * <p>Packets are lost independently with the loss probability; streams model TCP and are not
 * subject to random loss, only to partitions and blocks. Not thread safe: driven by the simulation
 * loop.
 */
public final class NetworkModel {
  private final SplittableRandom random;
  private long minLatencyNanos = 500_000;
  private long maxLatencyNanos = 2_000_000;
  private long jitterNanos = 500_000;
  private double loss;
  private double spikeProbability;
  private long spikeMinNanos;
  private long spikeMaxNanos;
  private final Map<Long, Double> linkLoss = new HashMap<>();
  private final Map<Integer, Long> nodeDelay = new HashMap<>();
  private final Map<Integer, Integer> group = new HashMap<>();
  private final Set<Long> blocked = new HashSet<>();

  NetworkModel(SplittableRandom random) {
    this.random = random;
  }

  private static long link(int from, int to) {
    return ((long) from << 32) | (to & 0xFFFFFFFFL);
  }

  /**
   * Sets the latency model: each directed link gets a fixed base latency in [min, max] derived from
   * the pair, and each message adds a uniform jitter in [0, jitter).
   */
  public NetworkModel latency(long minNanos, long maxNanos, long jitter) {
    if (minNanos < 0 || maxNanos < minNanos || jitter < 0) {
      throw new IllegalArgumentException(
          "latency needs 0 <= min <= max and jitter >= 0, got " + minNanos + ", " + maxNanos + ", "
              + jitter);
    }
    this.minLatencyNanos = minNanos;
    this.maxLatencyNanos = maxNanos;
    this.jitterNanos = jitter;
    return this;
  }

  /**
   * Adds a heavy tail to the latency: each message, with probability {@code probability}, is delayed
   * by a further uniform [min, max] (a congested queue, a retransmission, a stalled socket buffer).
   * Zero probability turns it off.
   */
  public NetworkModel spikes(double probability, long minNanos, long maxNanos) {
    if (probability < 0 || probability > 1 || minNanos < 0 || maxNanos < minNanos) {
      throw new IllegalArgumentException(
          "spikes need a probability in [0, 1] and 0 <= min <= max, got " + probability + ", "
              + minNanos + ", " + maxNanos);
    }
    this.spikeProbability = probability;
    this.spikeMinNanos = minNanos;
    this.spikeMaxNanos = maxNanos;
    return this;
  }

  /**
   * Adds {@code extraNanos} to every message to and from one node (a slow host or a congested
   * uplink); zero removes it.
   */
  public NetworkModel nodeDelay(int node, long extraNanos) {
    if (extraNanos < 0) {
      throw new IllegalArgumentException("node delay must be >= 0, got " + extraNanos);
    }
    if (extraNanos == 0) {
      nodeDelay.remove(node);
    } else {
      nodeDelay.put(node, extraNanos);
    }
    return this;
  }

  /** Sets the probability that any packet is lost. */
  public NetworkModel loss(double probability) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("loss must be in [0, 1], got " + probability);
    }
    this.loss = probability;
    return this;
  }

  /** Sets the loss probability of one directed link (overrides the global loss). */
  public NetworkModel linkLoss(int from, int to, double probability) {
    linkLoss.put(link(from, to), probability);
    return this;
  }

  /** Puts a node in a partition group; nodes in different groups cannot reach each other. */
  public void setGroup(int node, int groupId) {
    group.put(node, groupId);
  }

  /** Removes every partition group. */
  public void healPartitions() {
    group.clear();
  }

  /** Blocks or unblocks one direction of a link. */
  public void setBlocked(int from, int to, boolean isBlocked) {
    if (isBlocked) {
      blocked.add(link(from, to));
    } else {
      blocked.remove(link(from, to));
    }
  }

  /** Returns true if {@code from} can currently reach {@code to}. */
  public boolean reachable(int from, int to) {
    if (blocked.contains(link(from, to))) {
      return false;
    }
    return group.getOrDefault(from, 0).equals(group.getOrDefault(to, 0));
  }

  /** Returns true if a packet on this link is lost (draws from the random source). */
  boolean lose(int from, int to) {
    double p = linkLoss.getOrDefault(link(from, to), loss);
    return p > 0 && random.nextDouble() < p;
  }

  /** Returns the one-way latency of a message on this link (draws jitter). */
  long latency(int from, int to) {
    long span = maxLatencyNanos - minLatencyNanos;
    long base = minLatencyNanos;
    if (span > 0) {
      long h = (from * 0x9E3779B97F4A7C15L) ^ (to * 0xC2B2AE3D27D4EB4FL);
      h ^= h >>> 31;
      base += Math.floorMod(h, span + 1);
    }
    long latency = base + (jitterNanos > 0 ? random.nextLong(jitterNanos) : 0);
    latency += nodeDelay.getOrDefault(from, 0L) + nodeDelay.getOrDefault(to, 0L);
    if (spikeProbability > 0 && random.nextDouble() < spikeProbability) {
      latency += spikeMinNanos + random.nextLong(spikeMaxNanos - spikeMinNanos + 1);
    }
    return latency;
  }
}
