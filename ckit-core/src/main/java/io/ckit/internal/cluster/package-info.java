/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Not API. ckit's layer above memberlist and the runtime of a {@link io.ckit.Node}.
 *
 * <ul>
 *   <li>{@link io.ckit.internal.cluster.CkitLayer}: Go ckit's {@code nodeDelegate} as an engine
 *       delegate: the {@link io.ckit.internal.cluster.LamportClock}, State messages and their
 *       refutation, the push/pull user state, the peer map. Confined to the membership loop.
 *   <li>{@link io.ckit.internal.cluster.NodeRuntime}: owns one node's engine, ckit layer,
 *       transport, {@link io.ckit.internal.cluster.MembershipLoop} thread and {@link
 *       io.ckit.internal.cluster.ObserverNotifier} thread; implements start, stop, changeState.
 *   <li>{@code TransportInbox}, {@code AcceptedStream}, {@code HttpNetwork}, {@code
 *       DialedExchange}: the bridge between Jetty's threads and the loop (bounded inbox, complete
 *       stream messages only, dial outcomes as tasks).
 *   <li>{@link io.ckit.internal.cluster.NodeMetrics}: Go ckit's metrics as a Micrometer binder.
 * </ul>
 *
 * <p>The rule: protocol state is touched only on the membership loop; other threads post tasks and
 * read immutable snapshots. Threads, queues, bounds and locks are listed in {@code
 * docs/concurrency.md}.
 */
package io.ckit.internal.cluster;
