/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The implementation of in-memory connections. Not exported; use {@link io.ckit.memconn.Pipe}
 * and {@link io.ckit.memconn.Listener}.
 *
 * <p>Both ends of a connection share one {@link java.util.concurrent.locks.ReentrantLock}. Each
 * direction is a {@link io.ckit.memconn.internal.ByteRing} with two conditions, "not empty" (its
 * readers wait on it) and "not full" (its writers wait on it). Deadlines are checked under the
 * lock and blocked calls wait with a timeout, so no thread or timer is ever started.
 */
package io.ckit.memconn.internal;
