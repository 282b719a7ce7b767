/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * In-memory connections, so that a node can talk to itself without opening a port: a port of Go
 * ckit's {@code memconn} package, plus the Jetty wiring a Java node needs to do the same over
 * HTTP/2.
 *
 * <ul>
 *   <li>{@link io.ckit.memconn.Pipe#create()} returns two connected {@link io.ckit.memconn.Conn}
 *       ends; a {@link io.ckit.memconn.Listener} creates any number of connections through
 *       {@code dial} and {@code accept}. Connections buffer 1 KiB per direction, support read and
 *       write deadlines, and close both ends at once, as in Go.
 *   <li>{@link io.ckit.memconn.InMemoryHttp} adds Jetty's {@code MemoryConnector} (speaking h2c)
 *       to a {@code Server} and routes {@code HttpClient} requests to it through Jetty's {@code
 *       MemoryTransport}. No custom transport code is involved.
 * </ul>
 *
 * <p>All types are thread safe. Blocking calls wait on conditions with timeouts; no thread is
 * started per connection or per deadline.
 */
package io.ckit.memconn;
