/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The ckit Node: cluster membership by SWIM gossip (memberlist's protocol, with Lifeguard) over
 * HTTP/2, mounted in an existing Jetty server, and wire compatible with Go ckit.
 */
module io.ckit {
  requires transitive io.ckit.shard;
  requires transitive org.eclipse.jetty.server;
  requires transitive org.eclipse.jetty.client;
  requires transitive micrometer.core;
  requires org.eclipse.jetty.http2.server;
  requires org.eclipse.jetty.http2.client;
  requires org.eclipse.jetty.http2.client.transport;
  requires org.eclipse.jetty.alpn.server;
  requires org.slf4j;
  requires static jakarta.servlet;
  requires static micrometer.registry.prometheus;
  requires static io.prometheus.metrics.model;

  exports io.ckit;

  uses org.eclipse.jetty.io.ssl.ALPNProcessor.Client;
}
