/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * JMH benchmarks of ckit-shard: lookups, peer-set rebuilds and key hashing, each with a Go twin
 * run by {@code scripts/bench-go-chash}. Results and commands are in {@code
 * docs/benchmarks-shard.md}.
 */
package io.ckit.benchmarks.shard;
