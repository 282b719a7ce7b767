/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Runnable examples of ckit for Java: {@link io.ckit.examples.Example}, Go ckit's example ported
 * (the README snippet), and {@link io.ckit.examples.ClusterDemo}, a local cluster whose nodes each
 * serve a live status page.
 */
package io.ckit.examples;
