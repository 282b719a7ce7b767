/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

/**
 * A packet received by the runtime, for {@link SwimEngine#onPackets}.
 *
 * @param from the sender's transport address as the runtime saw it (for gossiphttp, the HTTP
 *     peer's {@code ip:port}, an ephemeral port); used only to answer pings that carry no source
 * @param packet the raw memberlist packet (one gossiphttp frame payload); not copied
 */
public record InboundPacket(String from, byte[] packet) {}
