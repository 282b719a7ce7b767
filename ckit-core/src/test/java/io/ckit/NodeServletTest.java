/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static io.ckit.TestCluster.address;

import io.ckit.peer.State;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A node served by {@link Node#servlet()} in a Servlet 6 context gossips with a handler node. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeServletTest {

  @Test
  void shouldGossipThroughTheServlet() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    Http2.enable(connector);
    server.addConnector(connector);
    connector.open();
    HttpClient client = Http2.newClient();
    client.start();
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.H2C)) {
      Node servlet =
          Node.create(
              client,
              Config.builder("node-servlet", "127.0.0.1:" + connector.getLocalPort()).build());
      ServletContextHandler context = new ServletContextHandler("/");
      ServletHolder holder = new ServletHolder(servlet.servlet());
      holder.setAsyncSupported(true);
      context.addServlet(holder, servlet.handler().basePath() + "/*");
      server.setHandler(context);
      server.start();

      Node other = cluster.node("node-handler");
      other.start(List.of());
      servlet.start(List.of(address(other)));
      servlet.changeState(State.PARTICIPANT).join();
      TestCluster.waitPeerState(other, "node-servlet", State.PARTICIPANT);
      other.changeState(State.PARTICIPANT).join();
      TestCluster.waitPeerState(servlet, "node-handler", State.PARTICIPANT);
      servlet.stop();
      TestCluster.waitPeerCount(other, 1);
    } finally {
      client.stop();
      server.stop();
    }
  }
}
