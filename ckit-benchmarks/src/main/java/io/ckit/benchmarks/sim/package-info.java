/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Harnesses that run the membership simulator at scale (not tests, not JMH): steady-state traffic
 * per node and the wall time of a 1000-node run. Results and commands are in {@code
 * docs/benchmarks-engine.md}.
 */
package io.ckit.benchmarks.sim;
