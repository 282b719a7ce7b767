/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Not API. ckit's gossiphttp transport on Jetty 12: the {@code 0xCC}/{@code 0xCD} framing, the
 * {@code /api/v1/ckit/transport/{message,stream}} endpoints as a Jetty core {@link
 * org.eclipse.jetty.server.Handler} and as a Servlet, and the HTTP/2 client that sends packets and
 * dials streams, interoperable with Go ckit's {@code internal/gossiphttp}.
 *
 * <p>The transport is a byte pipe: it never interprets payloads, never blocks a caller, and holds no
 * thread per packet or stream. It creates no threads of its own; all I/O and every callback run on
 * the threads of the Jetty {@code Server} and {@code HttpClient} the embedder supplies. Callbacks
 * into the runtime ({@link io.ckit.internal.transport.TransportSink}, {@link
 * io.ckit.internal.transport.StreamListener}) must only hand the data off and return.
 */
package io.ckit.internal.transport;
