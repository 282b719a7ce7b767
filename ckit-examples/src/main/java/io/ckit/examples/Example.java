/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import io.ckit.Config;
import io.ckit.Http2;
import io.ckit.Node;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Key;
import io.ckit.shard.Op;
import io.ckit.shard.Sharder;
import java.util.List;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Go ckit's {@code Example()}, ported: one node joins a cluster of its own, becomes a participant
 * and finds the owner of a key. It prints exactly {@code Owner of some-key: first-node}.
 *
 * <p>The body of {@link #main} is the code snippet in the README; a test keeps the two equal.
 */
public final class Example {
  private static final Logger log = LoggerFactory.getLogger(Example.class);

  private Example() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   * @throws Exception if Jetty cannot start or stop
   */
  public static void main(String[] args) throws Exception {
    // tag::example[]
    // Our cluster works over HTTP/2, so we first need an HTTP server. This one listens on a free
    // port of 127.0.0.1 and speaks h2c (HTTP/2 without TLS) besides HTTP/1.1.
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    Http2.enable(connector);
    server.addConnector(connector);
    connector.open(); // bind now, to know the address to advertise

    // Nodes reach each other with a Jetty HTTP/2 client.
    HttpClient client = Http2.newClient();
    client.start();

    // We want to do consistent hashing against the cluster's state, so we create a ring for our
    // node to keep up to date.
    Sharder ring = Sharder.ring(128);

    // The config needs at least a name, unique in the cluster, and the address other nodes use to
    // reach this node over HTTP/2.
    Config config =
        Config.builder("first-node", "127.0.0.1:" + connector.getLocalPort()).sharder(ring).build();

    // Nodes do not join the cluster until they are started.
    Node node = Node.create(client, config);

    // Observers hear about every change to the list of peers. They run on a background thread, so
    // this one may not get to log anything before the example ends.
    node.observe(
        peers -> {
          log.info("peers changed: {}", peers.stream().map(Peer::name).toList());
          return true;
        });

    // Mount the node's handler and start serving.
    server.setHandler(node.handler().handler());
    server.start();

    // Join the cluster through existing members. We are the only node, so there are none.
    node.start(List.of());

    // Nodes join as viewers. Participants are the nodes that own keys.
    node.changeState(State.PARTICIPANT).join();

    // Changing our state updated the ring too. We are the only node, so we own every key.
    List<Peer> owners = ring.lookup(Key.of("some-key"), 1, Op.READ_WRITE);
    System.out.println("Owner of some-key: " + owners.get(0).name());

    node.stop();
    client.stop();
    server.stop();
    // end::example[]
  }
}
