/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

/**
 * The engine's own timing formulas (ported from memberlist and checked against Go in {@code
 * FormulasTest}), opened to scenario tests in other packages so that every time bound a scenario
 * asserts is derived from the configuration rather than picked by hand. All results in nanoseconds.
 */
public final class ConfigBounds {
  private ConfigBounds() {}

  /**
   * Returns the engine configuration a node with this configuration runs (only the timing fields
   * matter here; the address is a placeholder).
   */
  public static SwimConfig of(io.ckit.Config config) {
    return SwimConfig.builder(config.name(), new byte[] {127, 0, 0, 1}, 7946)
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

  /**
   * Returns the shortest suspicion timeout, reached with {@code indirectChecks} independent
   * confirmations: {@code suspicionMult × max(1, log10 n) × probeInterval}.
   */
  public static long suspicionMin(SwimConfig config, int n) {
    return Suspicion.suspicionTimeout(
        config.suspicionMult(), n, config.probeInterval().toNanos());
  }

  /** Returns the longest suspicion timeout (no confirmation): {@code suspicionMaxTimeoutMult × min}. */
  public static long suspicionMax(SwimConfig config, int n) {
    return config.suspicionMaxTimeoutMult() * suspicionMin(config, n);
  }

  /** Returns the push/pull period at cluster size n (memberlist's {@code pushPullScale}). */
  public static long pushPullPeriod(SwimConfig config, int n) {
    return PushPullSync.pushPullScale(config.pushPullInterval().toNanos(), n);
  }

  /** Returns how many times a broadcast is piggy-backed: {@code retransmitMult × ceil(log10(n + 1))}. */
  public static int retransmitLimit(SwimConfig config, int n) {
    return TransmitLimitedQueue.retransmitLimit(config.retransmitMult(), n);
  }

  /**
   * Returns how long a crashed node can go undetected by every live node:
   *
   * <ul>
   *   <li>first failed probe: every live node probes every other once per round of n - 1 probe
   *       ticks and reshuffles between rounds, so some node starts probing the crashed node within
   *       2 (n - 1) ticks, and that probe fails one probe interval later;
   *   <li>suspicion: at most {@link #suspicionMax}, shortened by confirmations;
   *   <li>spread: the first node to declare it dead gossips the dead message to {@code gossipNodes}
   *       random nodes per gossip interval; 20 intervals cover clusters of this size many times
   *       over.
   * </ul>
   */
  public static long detection(SwimConfig config, int n) {
    long interval = config.probeInterval().toNanos();
    return 2L * (n - 1) * interval
        + interval
        + suspicionMax(config, n)
        + 20 * config.gossipInterval().toNanos();
  }

  /**
   * Returns how long after a fault ends every live node's view can still be wrong, when no node
   * needs to rejoin (the fault was not long enough to reap a live node everywhere):
   *
   * <ul>
   *   <li>an accused node learns of the accusation at the latest from its next push/pull (one
   *       {@link #pushPullPeriod}) or from a peer's push/pull with it (the merge turns a remote
   *       suspect or dead entry about itself into a refutation);
   *   <li>the refutation is gossiped to {@code gossipNodes} nodes per gossip interval for {@link
   *       #retransmitLimit} rounds, and what gossip misses the next push/pull repairs (a second
   *       period);
   *   <li>a node that was declared dead and not yet reaped anywhere comes back the same way.
   * </ul>
   *
   * <p>So: two push/pull periods plus the retransmit rounds, plus one probe interval for a probe
   * that was in flight when the fault ended.
   */
  public static long heal(SwimConfig config, int n) {
    return 2 * pushPullPeriod(config, n)
        + retransmitLimit(config, n) * config.gossipInterval().toNanos()
        + config.probeInterval().toNanos();
  }
}
