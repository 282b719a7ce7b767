/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Consistent hashing: which peers own a key. A {@link io.ckit.shard.Sharder} (ring, rendezvous or
 * multiprobe) is given the cluster's peers and answers {@link io.ckit.shard.Sharder#lookup}s for
 * {@link io.ckit.shard.Key}s, built with {@link io.ckit.shard.Key#of(String)} or a {@link
 * io.ckit.shard.KeyBuilder}. Results are bit-for-bit those of Go ckit's {@code shard} package, so
 * Java and Go nodes of one cluster agree on every owner.
 */
package io.ckit.shard;
