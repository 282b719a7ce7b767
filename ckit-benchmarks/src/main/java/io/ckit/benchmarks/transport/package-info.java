/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * JMH benchmarks of the gossiphttp transport ({@code io.ckit.internal.transport}): packet and
 * stream round trips through a real Jetty server and HTTP/2 client. See {@code
 * docs/benchmarks-transport.md}.
 */
package io.ckit.benchmarks.transport;
