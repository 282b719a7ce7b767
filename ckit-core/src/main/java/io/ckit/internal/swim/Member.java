/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.wire.NodeStateType;

/**
 * An immutable view of one member as the engine saw it at some instant (memberlist's {@code Node}
 * plus its incarnation).
 *
 * <p>Byte arrays are shared, never copied: callers must not mutate them.
 *
 * @param name the node name
 * @param addr the node's IP (4 bytes for IPv4, 16 for IPv6)
 * @param port the node's port
 * @param address the transport address {@code ip:port} ({@code [ip]:port} for IPv6), formatted as
 *     Go formats it
 * @param meta the node's metadata, or null (ckit sends none)
 * @param state the node's state
 * @param incarnation the node's incarnation (uint32)
 * @param vsn the six protocol version bytes {@code [pmin, pmax, pcur, dmin, dmax, dcur]}
 */
public record Member(
    String name,
    byte[] addr,
    int port,
    String address,
    byte[] meta,
    NodeStateType state,
    int incarnation,
    byte[] vsn) {}
