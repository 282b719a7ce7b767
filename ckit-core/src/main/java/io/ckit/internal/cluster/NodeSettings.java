/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.Config;
import io.ckit.internal.swim.SwimConfig;
import io.ckit.internal.transport.TransportConfig;
import java.util.function.LongSupplier;

/**
 * Maps a node's public {@link Config} onto the engine's {@link SwimConfig} and the transport's
 * {@link TransportConfig}, as Go ckit's {@code NewNode} fills memberlist's config and gossiphttp's
 * options. Stateless.
 */
final class NodeSettings {
  private NodeSettings() {}

  /** Returns the engine configuration for the resolved advertise address. */
  static SwimConfig swim(Config config, byte[] advertiseIp, int advertisePort) {
    return SwimConfig.builder(config.name(), advertiseIp, advertisePort)
        .label(config.label())
        .probeInterval(config.probeInterval())
        .probeTimeout(config.probeTimeout())
        .indirectChecks(config.indirectChecks())
        .retransmitMult(config.retransmitMult())
        .suspicionMult(config.suspicionMult())
        .suspicionMaxTimeoutMult(config.suspicionMaxTimeoutMult())
        .pushPullInterval(config.pushPullInterval())
        .gossipNodes(config.gossipNodes())
        .gossipInterval(config.gossipInterval())
        .gossipToTheDead(config.gossipToTheDead())
        .tcpTimeout(config.streamTimeout())
        .build();
  }

  /** Returns a transport configuration builder, for the caller to adjust and build. */
  static TransportConfig.Builder transport(Config config, LongSupplier clock) {
    return TransportConfig.builder()
        .useTls(config.enableTls())
        .packetTimeout(config.packetTimeout())
        .packetQueueCapacity(config.packetQueueCapacity())
        .maxPacketsInFlight(config.maxPacketsInFlight())
        .maxFrameBytes(config.maxMessageBytes())
        .nanoClock(clock);
  }
}
