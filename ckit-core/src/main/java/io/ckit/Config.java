/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import io.ckit.shard.Sharder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of a {@link Node}: immutable, validated on construction, built with {@link
 * #builder(String, String)}.
 *
 * <p>Defaults are Go ckit's effective settings, so a Java node behaves like a Go node in the same
 * cluster: memberlist's LAN profile with a 5 s probe interval, 2 s probe timeout, 2 s stream
 * timeout and 5 s packet timeout. Change the protocol timings only if every node in the cluster,
 * Java or Go, gets the same values.
 *
 * @param name the node's name; must be unique across the cluster
 * @param advertiseAddr the {@code host:port} other nodes use to reach this node's HTTP/2 server;
 *     the host is resolved to an IP when the node is created
 * @param sharder the sharder to keep in sync with the cluster, updated before observers; or null
 * @param label the cluster label: nodes only talk to nodes with the same label ("" for none, at
 *     most 255 bytes of UTF-8)
 * @param enableTls whether to reach peers over HTTPS (TLS with ALPN h2) instead of h2c
 * @param probeInterval memberlist's {@code ProbeInterval}: how often a peer is probed
 * @param probeTimeout memberlist's {@code ProbeTimeout}: how long a probe waits for an ack
 * @param streamTimeout memberlist's {@code TCPTimeout}: the lifetime of a push/pull stream
 * @param packetTimeout ckit's {@code PacketTimeout}: the deadline of one packet POST
 * @param gossipInterval memberlist's {@code GossipInterval}
 * @param gossipNodes memberlist's {@code GossipNodes}: gossip fan-out per interval
 * @param pushPullInterval memberlist's {@code PushPullInterval}, before cluster-size scaling
 * @param gossipToTheDead memberlist's {@code GossipToTheDeadTime}: how long dead nodes are kept
 * @param suspicionMult memberlist's {@code SuspicionMult}
 * @param suspicionMaxTimeoutMult memberlist's {@code SuspicionMaxTimeoutMult}
 * @param retransmitMult memberlist's {@code RetransmitMult}
 * @param indirectChecks memberlist's {@code IndirectChecks}
 * @param leaveTimeout how long {@link Node#stop()} waits for its leave message to be gossiped
 * @param maxMessageBytes the largest message accepted from the network (a frame or a stream
 *     message); larger ones are rejected before they are allocated
 * @param packetQueueCapacity outgoing packets held while sends are in flight, and likewise
 *     received packets waiting for the membership thread; when either queue is full, its oldest
 *     packet is dropped (Go: 1000 each)
 * @param maxPacketsInFlight concurrent packet POSTs per node
 */
public record Config(
    String name,
    String advertiseAddr,
    Sharder sharder,
    String label,
    boolean enableTls,
    Duration probeInterval,
    Duration probeTimeout,
    Duration streamTimeout,
    Duration packetTimeout,
    Duration gossipInterval,
    int gossipNodes,
    Duration pushPullInterval,
    Duration gossipToTheDead,
    int suspicionMult,
    int suspicionMaxTimeoutMult,
    int retransmitMult,
    int indirectChecks,
    Duration leaveTimeout,
    int maxMessageBytes,
    int packetQueueCapacity,
    int maxPacketsInFlight) {

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException naming the invalid field and its value
   * @throws NullPointerException if a required field is null
   */
  public Config {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(advertiseAddr, "advertiseAddr");
    Objects.requireNonNull(label, "label");
    require(!name.isEmpty(), "node name is required");
    require(!advertiseAddr.isEmpty(), "advertise address is required");
    AdvertiseAddress.parse(advertiseAddr);
    int labelBytes = label.getBytes(StandardCharsets.UTF_8).length;
    require(labelBytes <= 255, "label must be at most 255 bytes, got " + labelBytes);
    positive("probeInterval", probeInterval);
    positive("probeTimeout", probeTimeout);
    require(
        probeTimeout.compareTo(probeInterval) <= 0,
        "probeTimeout (" + probeTimeout + ") must not exceed probeInterval (" + probeInterval + ")");
    positive("streamTimeout", streamTimeout);
    positive("packetTimeout", packetTimeout);
    positive("gossipInterval", gossipInterval);
    require(gossipNodes >= 1, "gossipNodes must be >= 1, got " + gossipNodes);
    positive("pushPullInterval", pushPullInterval);
    positive("gossipToTheDead", gossipToTheDead);
    require(suspicionMult >= 1, "suspicionMult must be >= 1, got " + suspicionMult);
    require(
        suspicionMaxTimeoutMult >= 1,
        "suspicionMaxTimeoutMult must be >= 1, got " + suspicionMaxTimeoutMult);
    require(retransmitMult >= 1, "retransmitMult must be >= 1, got " + retransmitMult);
    require(indirectChecks >= 0, "indirectChecks must be >= 0, got " + indirectChecks);
    Objects.requireNonNull(leaveTimeout, "leaveTimeout");
    require(!leaveTimeout.isNegative(), "leaveTimeout must not be negative, got " + leaveTimeout);
    require(
        maxMessageBytes >= 64 * 1024,
        "maxMessageBytes must be at least 65536, got " + maxMessageBytes);
    require(
        packetQueueCapacity >= 1, "packetQueueCapacity must be >= 1, got " + packetQueueCapacity);
    require(maxPacketsInFlight >= 1, "maxPacketsInFlight must be >= 1, got " + maxPacketsInFlight);
  }

  /**
   * Starts a builder with Go ckit's defaults.
   *
   * @param name the node's name, unique across the cluster
   * @param advertiseAddr the {@code host:port} other nodes use to reach this node
   * @return a builder
   */
  public static Builder builder(String name, String advertiseAddr) {
    return new Builder(name, advertiseAddr);
  }

  /** Returns a builder initialised with this configuration, to derive a variant. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static void positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    require(!value.isNegative() && !value.isZero(), field + " must be positive, got " + value);
  }

  /** Builds a {@link Config}. Not thread-safe. */
  public static final class Builder {
    private String name;
    private String advertiseAddr;
    private Sharder sharder;
    private String label = "";
    private boolean enableTls;
    private Duration probeInterval = Duration.ofSeconds(5);
    private Duration probeTimeout = Duration.ofSeconds(2);
    private Duration streamTimeout = Duration.ofSeconds(2);
    private Duration packetTimeout = Duration.ofSeconds(5);
    private Duration gossipInterval = Duration.ofMillis(200);
    private int gossipNodes = 3;
    private Duration pushPullInterval = Duration.ofSeconds(30);
    private Duration gossipToTheDead = Duration.ofSeconds(30);
    private int suspicionMult = 4;
    private int suspicionMaxTimeoutMult = 6;
    private int retransmitMult = 4;
    private int indirectChecks = 3;
    private Duration leaveTimeout = Duration.ofSeconds(5);
    private int maxMessageBytes = 64 * 1024 * 1024;
    private int packetQueueCapacity = 1000;
    private int maxPacketsInFlight = 6;

    private Builder(String name, String advertiseAddr) {
      this.name = name;
      this.advertiseAddr = advertiseAddr;
    }

    private Builder(Config config) {
      name = config.name;
      advertiseAddr = config.advertiseAddr;
      sharder = config.sharder;
      label = config.label;
      enableTls = config.enableTls;
      probeInterval = config.probeInterval;
      probeTimeout = config.probeTimeout;
      streamTimeout = config.streamTimeout;
      packetTimeout = config.packetTimeout;
      gossipInterval = config.gossipInterval;
      gossipNodes = config.gossipNodes;
      pushPullInterval = config.pushPullInterval;
      gossipToTheDead = config.gossipToTheDead;
      suspicionMult = config.suspicionMult;
      suspicionMaxTimeoutMult = config.suspicionMaxTimeoutMult;
      retransmitMult = config.retransmitMult;
      indirectChecks = config.indirectChecks;
      leaveTimeout = config.leaveTimeout;
      maxMessageBytes = config.maxMessageBytes;
      packetQueueCapacity = config.packetQueueCapacity;
      maxPacketsInFlight = config.maxPacketsInFlight;
    }

    /** Sets the node name. */
    public Builder name(String value) {
      name = value;
      return this;
    }

    /** Sets the advertised {@code host:port}. */
    public Builder advertiseAddr(String value) {
      advertiseAddr = value;
      return this;
    }

    /** Sets the sharder to keep in sync (null for none). */
    public Builder sharder(Sharder value) {
      sharder = value;
      return this;
    }

    /** Sets the cluster label ("" for none). */
    public Builder label(String value) {
      label = value;
      return this;
    }

    /** Sets whether peers are reached over HTTPS. */
    public Builder enableTls(boolean value) {
      enableTls = value;
      return this;
    }

    /** Sets memberlist's probe interval (default 5 s). */
    public Builder probeInterval(Duration value) {
      probeInterval = value;
      return this;
    }

    /** Sets memberlist's probe timeout (default 2 s). */
    public Builder probeTimeout(Duration value) {
      probeTimeout = value;
      return this;
    }

    /** Sets the push/pull stream lifetime (memberlist's TCPTimeout, default 2 s). */
    public Builder streamTimeout(Duration value) {
      streamTimeout = value;
      return this;
    }

    /** Sets the packet POST deadline (default 5 s). */
    public Builder packetTimeout(Duration value) {
      packetTimeout = value;
      return this;
    }

    /** Sets memberlist's gossip interval (default 200 ms). */
    public Builder gossipInterval(Duration value) {
      gossipInterval = value;
      return this;
    }

    /** Sets memberlist's gossip fan-out (default 3). */
    public Builder gossipNodes(int value) {
      gossipNodes = value;
      return this;
    }

    /** Sets memberlist's push/pull interval before scaling (default 30 s). */
    public Builder pushPullInterval(Duration value) {
      pushPullInterval = value;
      return this;
    }

    /** Sets how long dead nodes are kept and gossiped to (default 30 s). */
    public Builder gossipToTheDead(Duration value) {
      gossipToTheDead = value;
      return this;
    }

    /** Sets memberlist's suspicion multiplier (default 4). */
    public Builder suspicionMult(int value) {
      suspicionMult = value;
      return this;
    }

    /** Sets memberlist's suspicion max timeout multiplier (default 6). */
    public Builder suspicionMaxTimeoutMult(int value) {
      suspicionMaxTimeoutMult = value;
      return this;
    }

    /** Sets memberlist's retransmit multiplier (default 4). */
    public Builder retransmitMult(int value) {
      retransmitMult = value;
      return this;
    }

    /** Sets the number of indirect probe helpers (default 3). */
    public Builder indirectChecks(int value) {
      indirectChecks = value;
      return this;
    }

    /** Sets how long stop waits for the leave to be gossiped (default 5 s). */
    public Builder leaveTimeout(Duration value) {
      leaveTimeout = value;
      return this;
    }

    /** Sets the largest accepted message (default 64 MiB). */
    public Builder maxMessageBytes(int value) {
      maxMessageBytes = value;
      return this;
    }

    /** Sets the packet queue capacities, each way (default 1000, oldest dropped when full). */
    public Builder packetQueueCapacity(int value) {
      packetQueueCapacity = value;
      return this;
    }

    /** Sets the number of concurrent packet POSTs (default 6). */
    public Builder maxPacketsInFlight(int value) {
      maxPacketsInFlight = value;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @throws IllegalArgumentException if a value is invalid; the message names it
     */
    public Config build() {
      return new Config(
          name,
          advertiseAddr,
          sharder,
          label,
          enableTls,
          probeInterval,
          probeTimeout,
          streamTimeout,
          packetTimeout,
          gossipInterval,
          gossipNodes,
          pushPullInterval,
          gossipToTheDead,
          suspicionMult,
          suspicionMaxTimeoutMult,
          retransmitMult,
          indirectChecks,
          leaveTimeout,
          maxMessageBytes,
          packetQueueCapacity,
          maxPacketsInFlight);
    }
  }
}
