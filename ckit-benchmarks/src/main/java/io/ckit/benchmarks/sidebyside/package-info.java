/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Java half of the side-by-side harness ({@code scripts/side-by-side}): many real Java ckit
 * nodes in one JVM on loopback, measured as the Go half ({@code ckit-oracle cluster}) measures Go
 * ckit nodes in one Go process. See {@code docs/benchmarks-side-by-side.md}.
 */
package io.ckit.benchmarks.sidebyside;
