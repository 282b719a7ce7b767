/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * One node's state in a push/pull exchange.
 *
 * @param name the node's name
 * @param addr the node's IP (4 bytes for IPv4)
 * @param port the node's port (0 on the wire means 7946)
 * @param meta the node's metadata, or null
 * @param incarnation the node's incarnation (uint32)
 * @param state the node's state as the sender sees it
 * @param vsn the node's six protocol version bytes
 */
public record PushNodeState(
    String name,
    byte[] addr,
    int port,
    byte[] meta,
    int incarnation,
    NodeStateType state,
    byte[] vsn) {}
