/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Not API. The node's logging: every line names its node (SLF4J key-value {@code node}), lines
 * caused by remote input are counted and rate-limited ({@link io.ckit.internal.log.NodeLog}).
 */
package io.ckit.internal.log;
