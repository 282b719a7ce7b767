/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Not API: the consistent hashing algorithms behind {@link io.ckit.shard.Sharder} (ring,
 * rendezvous, multiprobe, ports of Go ckit's {@code internal/chash}) and XXH64. This package is not
 * exported from the module and may change at any time.
 */
package io.ckit.shard.internal;
