/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static io.ckit.TestCluster.address;
import static io.ckit.TestCluster.waitPeerCount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ports ckit's {@code TestNode_Peers} and {@code TestNewNodeIPv6} over real nodes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodePeersTest {

  @ParameterizedTest
  @EnumSource(TestCluster.Mode.class)
  void shouldSeeEveryPeerJoin(TestCluster.Mode mode) {
    try (TestCluster cluster = new TestCluster(mode)) {
      Node a = cluster.node("node-a");
      Node b = cluster.node("node-b");
      Node c = cluster.node("node-c");
      a.start(List.of());
      b.start(List.of(address(a)));
      c.start(List.of(address(b)));

      waitPeerCount(a, 3);
      assertEquals(
          List.of(
              new Peer("node-a", address(a), true, State.VIEWER),
              new Peer("node-b", address(b), false, State.VIEWER),
              new Peer("node-c", address(c), false, State.VIEWER)),
          a.peers());
    }
  }

  @Test
  void shouldSeePeersLeave() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.H2C)) {
      Node a = cluster.node("node-a");
      Node b = cluster.node("node-b");
      Node c = cluster.node("node-c");
      a.start(List.of());
      b.start(List.of(address(a)));
      c.start(List.of(address(b)));
      waitPeerCount(a, 3);

      c.stop();
      waitPeerCount(a, 2);
      assertEquals(
          List.of(
              new Peer("node-a", address(a), true, State.VIEWER),
              new Peer("node-b", address(b), false, State.VIEWER)),
          a.peers());
    }
  }

  @Test
  void shouldCreateAndRunANodeOnIpv6() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("::1");
    Http2.enable(connector);
    server.addConnector(connector);
    connector.open(); // binds the port, so the node can advertise it before the server starts
    HttpClient client = Http2.newClient();
    client.start();
    try {
      String addr = "[::1]:" + connector.getLocalPort();
      Node node = Node.create(client, Config.builder("node-a", addr).build());
      server.setHandler(node.handler().handler());
      server.start();
      node.start(List.of());
      assertEquals(List.of(new Peer("node-a", addr, true, State.VIEWER)), node.peers());
      node.stop();
    } finally {
      client.stop();
      server.stop();
    }
  }
}
