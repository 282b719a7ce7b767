/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * In-memory connections (a port of Go ckit's memconn) and in-memory HTTP/2 from a node's Jetty
 * client to its own Jetty server. See {@link io.ckit.memconn}.
 */
module io.ckit.memconn {
  requires transitive org.eclipse.jetty.server;
  requires transitive org.eclipse.jetty.client;
  requires transitive org.eclipse.jetty.io;
  requires org.eclipse.jetty.http2.server;

  exports io.ckit.memconn;
}
