/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Not API. A deterministic discrete-event simulator of ckit membership clusters: one virtual clock
 * and one event queue for all nodes, each node running the real {@link
 * io.ckit.internal.swim.SwimEngine} and exchanging real encoded bytes over a modelled network with
 * latency, jitter, latency spikes, slow hosts, loss, asymmetric partitions, flapping links,
 * stalled and slow streams, process pauses, crashes and restarts, and outsiders that inject garbage
 * or forged gossip. Every run is reproducible from its seed ({@code -Dckit.sim.seed=}).
 *
 * <p>Entry point: {@link io.ckit.internal.swim.sim.Simulation}. Shipped in ckit-core's test-jar so
 * benchmarks and interop tests can reuse it.
 */
package io.ckit.internal.swim.sim;
