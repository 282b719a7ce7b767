/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Immutable settings of a {@link GossipTransport}. Build with {@link #builder()}; every field has a
 * default that matches Go ckit where Go has one.
 *
 * @param useTls dial peers with {@code https} (ALPN h2) instead of {@code http} (h2c prior
 *     knowledge); Go's {@code Config.EnableTLS}
 * @param packetTimeout bound on each {@code /message} request; Go's {@code PacketTimeout} (5 s)
 * @param packetQueueCapacity outgoing packets held before the oldest is dropped; Go's 1000
 * @param maxPacketsInFlight {@code /message} requests sent concurrently; Go uses one worker, which
 *     lets one unreachable peer delay every packet by the timeout
 * @param maxFrameBytes largest frame payload accepted from a peer; larger declared lengths fail the
 *     request or stream before anything is allocated
 * @param streamBacklogBytes bytes queued on one stream but not yet flushed, beyond which the stream
 *     fails rather than buffer more
 * @param nanoClock the clock whose value {@link TransportSink#onPacket} receives
 * @param nodeName the name of the node this transport belongs to, which its log lines carry
 * @param routes peers to reach over a given Jetty {@link org.eclipse.jetty.io.Transport} instead of
 *     the network, keyed by the exact address string ({@code host:port}) the runtime dials; used for
 *     in-memory connections ({@link org.eclipse.jetty.server.MemoryTransport}); the {@code
 *     MemoryConnector} must have {@code HTTP2CServerConnectionFactory} as its first factory, and it
 *     runs the server side on the sending thread
 */
public record TransportConfig(
    boolean useTls,
    Duration packetTimeout,
    int packetQueueCapacity,
    int maxPacketsInFlight,
    int maxFrameBytes,
    long streamBacklogBytes,
    LongSupplier nanoClock,
    String nodeName,
    Map<String, org.eclipse.jetty.io.Transport> routes) {

  /** Go ckit's per-packet request timeout. */
  public static final Duration DEFAULT_PACKET_TIMEOUT = Duration.ofSeconds(5);

  /** Go ckit's packet queue size. */
  public static final int DEFAULT_PACKET_QUEUE_CAPACITY = 1000;

  /** Default concurrent packet requests: twice memberlist's gossip fan-out of 3. */
  public static final int DEFAULT_MAX_PACKETS_IN_FLIGHT = 6;

  /** Default frame payload limit, 64 MiB: above any push/pull memberlist accepts. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024;

  /** Default outbound backlog per stream, 64 MiB. */
  public static final long DEFAULT_STREAM_BACKLOG_BYTES = 64L * 1024 * 1024;

  /**
   * Validates and copies the settings.
   *
   * @throws IllegalArgumentException if a value is out of range, naming the field
   * @throws NullPointerException if a reference field is null
   */
  public TransportConfig {
    Objects.requireNonNull(packetTimeout, "packetTimeout");
    Objects.requireNonNull(nanoClock, "nanoClock");
    Objects.requireNonNull(nodeName, "nodeName");
    routes = Map.copyOf(Objects.requireNonNull(routes, "routes"));
    if (packetTimeout.isNegative() || packetTimeout.isZero()) {
      throw new IllegalArgumentException("packetTimeout must be positive: " + packetTimeout);
    }
    if (packetQueueCapacity < 1) {
      throw new IllegalArgumentException("packetQueueCapacity must be >= 1: " + packetQueueCapacity);
    }
    if (maxPacketsInFlight < 1) {
      throw new IllegalArgumentException("maxPacketsInFlight must be >= 1: " + maxPacketsInFlight);
    }
    if (maxFrameBytes < 0 || maxFrameBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxFrameBytes out of range: " + maxFrameBytes);
    }
    if (streamBacklogBytes < 1) {
      throw new IllegalArgumentException("streamBacklogBytes must be >= 1: " + streamBacklogBytes);
    }
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from this config. */
  public Builder toBuilder() {
    return new Builder()
        .useTls(useTls)
        .packetTimeout(packetTimeout)
        .packetQueueCapacity(packetQueueCapacity)
        .maxPacketsInFlight(maxPacketsInFlight)
        .maxFrameBytes(maxFrameBytes)
        .streamBacklogBytes(streamBacklogBytes)
        .nanoClock(nanoClock)
        .nodeName(nodeName)
        .routes(routes);
  }

  /** Returns the URL scheme peers are dialed with. */
  public String scheme() {
    return useTls ? "https" : "http";
  }

  /** A mutable builder of {@link TransportConfig}; not thread-safe. */
  public static final class Builder {
    private boolean useTls;
    private Duration packetTimeout = DEFAULT_PACKET_TIMEOUT;
    private int packetQueueCapacity = DEFAULT_PACKET_QUEUE_CAPACITY;
    private int maxPacketsInFlight = DEFAULT_MAX_PACKETS_IN_FLIGHT;
    private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
    private long streamBacklogBytes = DEFAULT_STREAM_BACKLOG_BYTES;
    private LongSupplier nanoClock = System::nanoTime;
    private String nodeName = "transport";
    private Map<String, org.eclipse.jetty.io.Transport> routes = Map.of();

    private Builder() {}

    /** Sets {@link TransportConfig#useTls()}. */
    public Builder useTls(boolean value) {
      this.useTls = value;
      return this;
    }

    /** Sets {@link TransportConfig#packetTimeout()}. */
    public Builder packetTimeout(Duration value) {
      this.packetTimeout = value;
      return this;
    }

    /** Sets {@link TransportConfig#packetQueueCapacity()}. */
    public Builder packetQueueCapacity(int value) {
      this.packetQueueCapacity = value;
      return this;
    }

    /** Sets {@link TransportConfig#maxPacketsInFlight()}. */
    public Builder maxPacketsInFlight(int value) {
      this.maxPacketsInFlight = value;
      return this;
    }

    /** Sets {@link TransportConfig#maxFrameBytes()}. */
    public Builder maxFrameBytes(int value) {
      this.maxFrameBytes = value;
      return this;
    }

    /** Sets {@link TransportConfig#streamBacklogBytes()}. */
    public Builder streamBacklogBytes(long value) {
      this.streamBacklogBytes = value;
      return this;
    }

    /** Sets {@link TransportConfig#nanoClock()}. */
    public Builder nanoClock(LongSupplier value) {
      this.nanoClock = value;
      return this;
    }

    /** Sets {@link TransportConfig#nodeName()}. */
    public Builder nodeName(String value) {
      this.nodeName = value;
      return this;
    }

    /** Sets {@link TransportConfig#routes()}. */
    public Builder routes(Map<String, org.eclipse.jetty.io.Transport> value) {
      this.routes = value;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public TransportConfig build() {
      return new TransportConfig(
          useTls,
          packetTimeout,
          packetQueueCapacity,
          maxPacketsInFlight,
          maxFrameBytes,
          streamBacklogBytes,
          nanoClock,
          nodeName,
          routes);
    }
  }
}
