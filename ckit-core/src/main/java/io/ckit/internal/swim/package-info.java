/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Not API. The membership engine: hashicorp/memberlist v0.5.3's SWIM protocol with Lifeguard, as
 * ckit configures it, as a sans-I/O state machine.
 *
 * <p>{@link io.ckit.internal.swim.SwimEngine} is the entry point; its class comment describes the
 * model, the invariants and who owns what. It is driven by one thread (the membership loop) through
 * inputs that carry the time; it sends through a {@link io.ckit.internal.swim.Network} and reports to
 * a {@link io.ckit.internal.swim.SwimDelegate} (the ckit layer). Inside, one class per memberlist
 * concern: {@code Membership} (alive/suspect/dead rules), {@code Prober} (failure detection), {@code
 * Gossiper}, {@code PushPullSync} and {@code StreamAcceptor} (anti-entropy and joins), {@code
 * PacketSender}/{@code PacketHandler} (the packet path), {@link
 * io.ckit.internal.swim.TransmitLimitedQueue} (reused by the ckit layer), {@code Suspicion}, {@code
 * Awareness}, {@code NodeTable} and {@code Timers}. Every byte goes through {@link
 * io.ckit.internal.wire.Codec}. Other threads read {@link io.ckit.internal.swim.SwimSnapshot} and
 * {@link io.ckit.internal.swim.SwimCounters}.
 */
package io.ckit.internal.swim;
