/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Not API. ckit's layer above memberlist: the lamport clock, State broadcasts and their refutation,
 * the push/pull user state, the peer map, and the runtime that binds the membership loop to the
 * HTTP/2 transport.
 */
package io.ckit.internal.cluster;
