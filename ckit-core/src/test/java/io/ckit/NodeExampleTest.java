/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Key;
import io.ckit.shard.Op;
import io.ckit.shard.Sharder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ports ckit's {@code Example} (ckit_test.go): one node over h2c on loopback, a ring sharder kept in
 * sync, and a lookup. The region is the example in {@link Node}'s Javadoc (ckit-examples' {@code
 * JavadocSnippetsTest} keeps them identical).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeExampleTest {

  @Test
  void shouldOwnEveryKeyAsTheOnlyParticipant() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      // @start region=example
      Server server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      Http2.enable(connector); // ckit speaks HTTP/2 only
      server.addConnector(connector);
      connector.open(); // binds a free port, to advertise it
      HttpClient client = Http2.newClient();
      client.start();

      // Cluster changes are synchronized with the sharder before observers see them.
      Sharder ring = Sharder.ring(128);
      String advertise = "127.0.0.1:" + connector.getLocalPort();
      Config config = Config.builder("first-node", advertise).sharder(ring).build();
      Node node = Node.create(client, config);
      node.observe(
          peers -> {
            System.err.println("peers changed: " + peers);
            return true;
          });
      server.setHandler(node.handler().handler());
      server.start();

      // The first node joins nobody; others would pass existing members' addresses.
      node.start(List.of());
      // Nodes start as viewers; participants own keys.
      node.changeState(State.PARTICIPANT).join();
      List<Peer> owners = ring.lookup(Key.of("some-key"), 1, Op.READ_WRITE);
      System.out.println("Owner of some-key: " + owners.get(0).name());

      node.stop();
      client.stop();
      server.stop();
      // @end
    } finally {
      System.setOut(stdout);
    }
    assertEquals("Owner of some-key: first-node\n", captured.toString(StandardCharsets.UTF_8));
  }
}
