/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import io.ckit.peer.State;

/**
 * ckit's State broadcast: a node announces its new peer state at a lamport time. On the wire it is
 * {@code 12 01 01} followed by msgpack {@code {NewState, NodeName, Time}}.
 *
 * @param nodeName the announcing node's name
 * @param newState the announced state
 * @param time the lamport time (uint64)
 */
public record StateMessage(String nodeName, State newState, long time) {}
