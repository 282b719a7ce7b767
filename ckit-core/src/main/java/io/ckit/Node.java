/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Handler;

/**
 * A member of a ckit cluster. A node keeps the cluster's member list by SWIM gossip over HTTP/2,
 * announces its own {@link State}, keeps an optional {@link io.ckit.shard.Sharder} in sync, and
 * tells {@link Observer}s when its peers change. Java and Go ckit nodes can form one cluster.
 *
 * <p>Lifecycle: {@link #create} a node, mount {@link #handler()} (or {@link #servlet()}) in your
 * Jetty server, then {@link #start(List)} it with the addresses of existing members (none for the
 * first node), and finally {@link #stop()} it to leave gracefully.
 *
 * <p>Thread-safe. All protocol state is owned by one membership thread per node; {@link #peers()}
 * and {@link #currentState()} read immutable snapshots and never block.
 *
 * <p>CONTRACT UNDER CONSTRUCTION: the runtime behind this API is being implemented (issue 5).
 */
public final class Node {

  /**
   * The HTTP route a node serves, to mount in a Jetty server.
   *
   * @param basePath the base path the handler serves, {@code /api/v1/ckit/transport}
   * @param handler a non-blocking Jetty core handler that declines every other path, so it can sit
   *     in a {@code Handler.Sequence} in front of the application's own handler
   */
  public record Route(String basePath, Handler handler) {}

  private Node() {}

  /**
   * Creates a node that is not yet started. The advertise address is resolved here.
   *
   * @param client the Jetty client used to reach peers; it must use HTTP/2 ({@code
   *     HttpClientTransportOverHTTP2}), and with {@link Config#enableTls()} TLS with ALPN; the caller
   *     starts and stops it and may share it between nodes
   * @param config the node's configuration
   * @return the new node
   * @throws CkitException if the advertise address cannot be resolved
   */
  public static Node create(HttpClient client, Config config) {
    throw new UnsupportedOperationException("Node runtime: not implemented yet");
  }

  /** Returns this node's configuration. */
  public Config config() {
    throw new UnsupportedOperationException("Node runtime: not implemented yet");
  }

  /**
   * Returns the route to mount in the HTTP server this node's peers reach. The server's connector
   * must speak HTTP/2: add {@code HTTP2CServerConnectionFactory} (h2c), or ALPN with {@code
   * HTTP2ServerConnectionFactory} for TLS.
   */
  public Route handler() {
    throw new UnsupportedOperationException("Node runtime: not implemented yet");
  }

  /**
   * Returns a servlet serving the same endpoints as {@link #handler()}, for Servlet 6 containers;
   * map it at {@code /api/v1/ckit/transport/*} with async support enabled. Requires {@code
   * jakarta.servlet-api} on the class path.
   */
  public jakarta.servlet.http.HttpServlet servlet() {
    throw new UnsupportedOperationException("Node runtime: not implemented yet");
  }

  /**
   * Starts the node and joins the cluster through the given peers. May be called again to join
   * more peers (for example to heal a split); each call blocks until its join attempts finished.
   *
   * @param peers addresses of existing members as {@code host:port} (port 7946 if omitted); empty
   *     for the first node
   * @throws CkitException if peers were given and none of them could be joined; the node keeps
   *     running and can be started again
   * @throws NodeStoppedException if the node was stopped
   */
  public void start(List<String> peers) {
    throw new UnsupportedOperationException("Node runtime: not implemented yet");
  }

  /**
   * Leaves the cluster gracefully and stops the node: the leave is gossiped (waiting at most {@link
   * Config#leaveTimeout()}), then the transport answers 503 and the node's threads end. Observers
   * get no further notifications. Calling it again does nothing.
   */
  public void stop() {
    throw new UnsupportedOperationException("Node runtime: not implemented yet");
  }

  /**
   * Changes this node's state and gossips it. Valid transitions are viewer to participant and
   * participant to terminating.
   *
   * @param to the new state
   * @return a future completed when the change was gossiped to the cluster (at once if the node has
   *     no peers); it never completes exceptionally for the transition itself
   * @throws StateTransitionException if the transition is not valid
   * @throws NodeStoppedException if the node was stopped
   */
  public CompletableFuture<Void> changeState(State to) {
    throw new UnsupportedOperationException("Node runtime: not implemented yet");
  }

  /** Returns this node's own state (peers learn it by gossip). */
  public State currentState() {
    throw new UnsupportedOperationException("Node runtime: not implemented yet");
  }

  /** Returns every known peer, this node included, sorted by name; an immutable snapshot. */
  public List<Peer> peers() {
    throw new UnsupportedOperationException("Node runtime: not implemented yet");
  }

  /**
   * Registers an observer, called on the node's notification thread whenever the peers change.
   *
   * @param observer the observer
   */
  public void observe(Observer observer) {
    throw new UnsupportedOperationException("Node runtime: not implemented yet");
  }

  /**
   * Returns the node's metrics, named exactly as Go ckit's Prometheus metrics ({@code
   * cluster_node_*}, {@code cluster_transport_*}), to bind to a Micrometer registry.
   */
  public MeterBinder metrics() {
    throw new UnsupportedOperationException("Node runtime: not implemented yet");
  }
}
