/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The membership engine's configuration: memberlist's {@code Config} as ckit sets it. The builder's
 * defaults are ckit's effective values (wire spec §2.8): {@code DefaultLANConfig()} with probe
 * interval 5 s, probe timeout 2 s, TCP pings disabled (this engine never sends them), a 10 MiB
 * packet budget and a 2 s TCP timeout.
 *
 * <p>Immutable and thread safe. A zero probe, gossip or push/pull interval disables that loop, as in
 * memberlist (useful in tests that drive the engine by hand).
 *
 * @param name the local node name (unique in the cluster)
 * @param advertiseAddr the advertised IP (4 bytes for IPv4, 16 for IPv6)
 * @param advertisePort the advertised port, 1..65535
 * @param label the cluster label ("" for none), at most 255 bytes of UTF-8
 * @param probeInterval the failure-detection probe interval ({@code ProbeInterval}, 5 s)
 * @param probeTimeout how long a direct probe waits for an ack ({@code ProbeTimeout}, 2 s)
 * @param indirectChecks the helpers asked to probe indirectly ({@code IndirectChecks}, 3)
 * @param retransmitMult the broadcast retransmit multiplier ({@code RetransmitMult}, 4)
 * @param suspicionMult the suspicion timeout multiplier ({@code SuspicionMult}, 4)
 * @param suspicionMaxTimeoutMult max over min suspicion timeout ({@code SuspicionMaxTimeoutMult}, 6)
 * @param pushPullInterval the anti-entropy interval before scaling ({@code PushPullInterval}, 30 s)
 * @param awarenessMaxMultiplier the health score bound ({@code AwarenessMaxMultiplier}, 8)
 * @param gossipNodes the gossip fan-out ({@code GossipNodes}, 3)
 * @param gossipInterval the gossip period ({@code GossipInterval}, 200 ms)
 * @param gossipToTheDead how long dead nodes still get gossip and stay in the node list ({@code
 *     GossipToTheDeadTime}, 30 s)
 * @param udpBufferSize the packet byte budget for piggy-backing ({@code UDPBufferSize}, 10 MiB)
 * @param tcpTimeout the end-to-end lifetime of a dialed stream ({@code TCPTimeout}, 2 s)
 * @param handoffQueueDepth the capacity of each hand-off queue ({@code HandoffQueueDepth}, 1024)
 * @param enableCompression whether packets are LZW-compressed when smaller and streams always
 *     ({@code EnableCompression}, true)
 * @param deadNodeReclaimTime after how long a dead node's name may be reused by another address;
 *     zero never ({@code DeadNodeReclaimTime}, 0)
 * @param defaultPort the port substituted for port 0 in received messages ({@code BindPort}, 7946)
 */
public record SwimConfig(
    String name,
    byte[] advertiseAddr,
    int advertisePort,
    String label,
    Duration probeInterval,
    Duration probeTimeout,
    int indirectChecks,
    int retransmitMult,
    int suspicionMult,
    int suspicionMaxTimeoutMult,
    Duration pushPullInterval,
    int awarenessMaxMultiplier,
    int gossipNodes,
    Duration gossipInterval,
    Duration gossipToTheDead,
    int udpBufferSize,
    Duration tcpTimeout,
    int handoffQueueDepth,
    boolean enableCompression,
    Duration deadNodeReclaimTime,
    int defaultPort) {

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field and its value if one is invalid
   * @throws NullPointerException if a reference field is null
   */
  public SwimConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(advertiseAddr, "advertiseAddr");
    Objects.requireNonNull(label, "label");
    require(!name.isEmpty(), "name must not be empty");
    require(
        advertiseAddr.length == 4 || advertiseAddr.length == 16,
        "advertiseAddr must be 4 or 16 bytes, got " + advertiseAddr.length);
    advertiseAddr = advertiseAddr.clone();
    require(
        advertisePort >= 1 && advertisePort <= 65535,
        "advertisePort must be in 1..65535, got " + advertisePort);
    int labelBytes = label.getBytes(StandardCharsets.UTF_8).length;
    require(labelBytes <= 255, "label must be at most 255 bytes, got " + labelBytes);
    notNegative("probeInterval", probeInterval);
    positive("probeTimeout", probeTimeout);
    require(indirectChecks >= 0, "indirectChecks must be >= 0, got " + indirectChecks);
    require(retransmitMult >= 1, "retransmitMult must be >= 1, got " + retransmitMult);
    require(suspicionMult >= 1, "suspicionMult must be >= 1, got " + suspicionMult);
    require(
        suspicionMaxTimeoutMult >= 1,
        "suspicionMaxTimeoutMult must be >= 1, got " + suspicionMaxTimeoutMult);
    notNegative("pushPullInterval", pushPullInterval);
    require(
        awarenessMaxMultiplier >= 1,
        "awarenessMaxMultiplier must be >= 1, got " + awarenessMaxMultiplier);
    require(gossipNodes >= 0, "gossipNodes must be >= 0, got " + gossipNodes);
    notNegative("gossipInterval", gossipInterval);
    notNegative("gossipToTheDead", gossipToTheDead);
    require(udpBufferSize >= 64, "udpBufferSize must be >= 64, got " + udpBufferSize);
    positive("tcpTimeout", tcpTimeout);
    require(handoffQueueDepth >= 1, "handoffQueueDepth must be >= 1, got " + handoffQueueDepth);
    notNegative("deadNodeReclaimTime", deadNodeReclaimTime);
    require(
        defaultPort >= 1 && defaultPort <= 65535,
        "defaultPort must be in 1..65535, got " + defaultPort);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static void notNegative(String field, Duration value) {
    Objects.requireNonNull(value, field);
    require(!value.isNegative(), field + " must not be negative, got " + value);
  }

  private static void positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    require(!value.isNegative() && !value.isZero(), field + " must be positive, got " + value);
  }

  /** Returns the advertised IP (a copy). */
  @Override
  public byte[] advertiseAddr() {
    return advertiseAddr.clone();
  }

  /** Returns the label header overhead of a packet: 0 without a label, else 2 + its length. */
  int labelOverhead() {
    return label.isEmpty() ? 0 : 2 + label.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Returns a builder with ckit's defaults and the given identity.
   *
   * @param name the local node name
   * @param advertiseAddr the advertised IP (4 or 16 bytes)
   * @param advertisePort the advertised port
   */
  public static Builder builder(String name, byte[] advertiseAddr, int advertisePort) {
    return new Builder(name, advertiseAddr, advertisePort);
  }

  /** Returns a builder initialised from this configuration. */
  public Builder toBuilder() {
    Builder builder = new Builder(name, advertiseAddr, advertisePort);
    builder.label = label;
    builder.probeInterval = probeInterval;
    builder.probeTimeout = probeTimeout;
    builder.indirectChecks = indirectChecks;
    builder.retransmitMult = retransmitMult;
    builder.suspicionMult = suspicionMult;
    builder.suspicionMaxTimeoutMult = suspicionMaxTimeoutMult;
    builder.pushPullInterval = pushPullInterval;
    builder.awarenessMaxMultiplier = awarenessMaxMultiplier;
    builder.gossipNodes = gossipNodes;
    builder.gossipInterval = gossipInterval;
    builder.gossipToTheDead = gossipToTheDead;
    builder.udpBufferSize = udpBufferSize;
    builder.tcpTimeout = tcpTimeout;
    builder.handoffQueueDepth = handoffQueueDepth;
    builder.enableCompression = enableCompression;
    builder.deadNodeReclaimTime = deadNodeReclaimTime;
    builder.defaultPort = defaultPort;
    return builder;
  }

  /** A mutable builder of {@link SwimConfig}; not thread safe. */
  public static final class Builder {
    private final String name;
    private final byte[] advertiseAddr;
    private final int advertisePort;
    private String label = "";
    private Duration probeInterval = Duration.ofSeconds(5);
    private Duration probeTimeout = Duration.ofSeconds(2);
    private int indirectChecks = 3;
    private int retransmitMult = 4;
    private int suspicionMult = 4;
    private int suspicionMaxTimeoutMult = 6;
    private Duration pushPullInterval = Duration.ofSeconds(30);
    private int awarenessMaxMultiplier = 8;
    private int gossipNodes = 3;
    private Duration gossipInterval = Duration.ofMillis(200);
    private Duration gossipToTheDead = Duration.ofSeconds(30);
    private int udpBufferSize = 10 * 1024 * 1024;
    private Duration tcpTimeout = Duration.ofSeconds(2);
    private int handoffQueueDepth = 1024;
    private boolean enableCompression = true;
    private Duration deadNodeReclaimTime = Duration.ZERO;
    private int defaultPort = 7946;

    private Builder(String name, byte[] advertiseAddr, int advertisePort) {
      this.name = name;
      this.advertiseAddr = advertiseAddr;
      this.advertisePort = advertisePort;
    }

    /** Sets the cluster label ("" for none). */
    public Builder label(String value) {
      label = value;
      return this;
    }

    /** Sets the probe interval (zero disables probing). */
    public Builder probeInterval(Duration value) {
      probeInterval = value;
      return this;
    }

    /** Sets the probe timeout. */
    public Builder probeTimeout(Duration value) {
      probeTimeout = value;
      return this;
    }

    /** Sets the number of indirect probe helpers. */
    public Builder indirectChecks(int value) {
      indirectChecks = value;
      return this;
    }

    /** Sets the retransmit multiplier. */
    public Builder retransmitMult(int value) {
      retransmitMult = value;
      return this;
    }

    /** Sets the suspicion multiplier. */
    public Builder suspicionMult(int value) {
      suspicionMult = value;
      return this;
    }

    /** Sets the suspicion max-timeout multiplier. */
    public Builder suspicionMaxTimeoutMult(int value) {
      suspicionMaxTimeoutMult = value;
      return this;
    }

    /** Sets the push/pull interval (zero disables periodic push/pull). */
    public Builder pushPullInterval(Duration value) {
      pushPullInterval = value;
      return this;
    }

    /** Sets the awareness max multiplier. */
    public Builder awarenessMaxMultiplier(int value) {
      awarenessMaxMultiplier = value;
      return this;
    }

    /** Sets the gossip fan-out (zero disables gossip). */
    public Builder gossipNodes(int value) {
      gossipNodes = value;
      return this;
    }

    /** Sets the gossip interval (zero disables gossip). */
    public Builder gossipInterval(Duration value) {
      gossipInterval = value;
      return this;
    }

    /** Sets the gossip-to-the-dead time. */
    public Builder gossipToTheDead(Duration value) {
      gossipToTheDead = value;
      return this;
    }

    /** Sets the packet byte budget. */
    public Builder udpBufferSize(int value) {
      udpBufferSize = value;
      return this;
    }

    /** Sets the stream lifetime. */
    public Builder tcpTimeout(Duration value) {
      tcpTimeout = value;
      return this;
    }

    /** Sets the hand-off queue depth. */
    public Builder handoffQueueDepth(int value) {
      handoffQueueDepth = value;
      return this;
    }

    /** Enables or disables compression of outgoing packets and streams. */
    public Builder enableCompression(boolean value) {
      enableCompression = value;
      return this;
    }

    /** Sets the dead node reclaim time (zero: never). */
    public Builder deadNodeReclaimTime(Duration value) {
      deadNodeReclaimTime = value;
      return this;
    }

    /** Sets the port used in place of port 0. */
    public Builder defaultPort(int value) {
      defaultPort = value;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @throws IllegalArgumentException if a field is invalid
     */
    public SwimConfig build() {
      return new SwimConfig(
          name,
          advertiseAddr,
          advertisePort,
          label,
          probeInterval,
          probeTimeout,
          indirectChecks,
          retransmitMult,
          suspicionMult,
          suspicionMaxTimeoutMult,
          pushPullInterval,
          awarenessMaxMultiplier,
          gossipNodes,
          gossipInterval,
          gossipToTheDead,
          udpBufferSize,
          tcpTimeout,
          handoffQueueDepth,
          enableCompression,
          deadNodeReclaimTime,
          defaultPort);
    }
  }
}
