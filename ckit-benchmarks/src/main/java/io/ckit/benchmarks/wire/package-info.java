/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * JMH benchmarks of the wire codec ({@code io.ckit.internal.wire}): packet encode and decode,
 * push/pull compression. Results and the command for a full run are in {@code
 * docs/benchmarks-wire.md}.
 */
package io.ckit.benchmarks.wire;
