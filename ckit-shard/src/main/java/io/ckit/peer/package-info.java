/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Peers of a ckit cluster: {@link io.ckit.peer.Peer}, an immutable record of a discovered node, and
 * {@link io.ckit.peer.State}, the role it announces (viewer, participant, terminating). Produced by
 * {@code io.ckit.Node} and consumed by {@link io.ckit.shard.Sharder}s and observers.
 */
package io.ckit.peer;
