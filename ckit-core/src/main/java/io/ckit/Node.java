/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import io.ckit.internal.cluster.NodeRuntime;
import io.ckit.internal.cluster.ServletFactory;
import io.ckit.internal.transport.GossipTransport;
import io.ckit.internal.transport.TransportConfig;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
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
 * <p>A single-node cluster over h2c on loopback, with a sharder (Go ckit's {@code Example}, compiled
 * and run as {@code NodeExampleTest}):
 *
 * <!-- snippet: NodeExampleTest#example -->
 * <pre>{@code
 * Server server = new Server();
 * ServerConnector connector = new ServerConnector(server);
 * connector.setHost("127.0.0.1");
 * Http2.enable(connector); // ckit speaks HTTP/2 only
 * server.addConnector(connector);
 * connector.open(); // binds a free port, to advertise it
 * HttpClient client = Http2.newClient();
 * client.start();
 *
 * // Cluster changes are synchronized with the sharder before observers see them.
 * Sharder ring = Sharder.ring(128);
 * String advertise = "127.0.0.1:" + connector.getLocalPort();
 * Config config = Config.builder("first-node", advertise).sharder(ring).build();
 * Node node = Node.create(client, config);
 * node.observe(
 *     peers -> {
 *       System.err.println("peers changed: " + peers);
 *       return true;
 *     });
 * server.setHandler(node.handler().handler());
 * server.start();
 *
 * // The first node joins nobody; others would pass existing members' addresses.
 * node.start(List.of());
 * // Nodes start as viewers; participants own keys.
 * node.changeState(State.PARTICIPANT).join();
 * List<Peer> owners = ring.lookup(Key.of("some-key"), 1, Op.READ_WRITE);
 * System.out.println("Owner of some-key: " + owners.get(0).name());
 *
 * node.stop();
 * client.stop();
 * server.stop();
 * }</pre>
 *
 * <p>Threads: a started node runs exactly two threads, {@code ckit-<name>-loop}, which owns all
 * protocol state, and {@code ckit-<name>-observers}, which calls observers; network I/O runs on
 * the threads of the embedder's Jetty {@code Server} and {@code HttpClient}. {@link #peers()} and
 * {@link #currentState()} read immutable snapshots and never block. All methods are thread-safe.
 * See {@code docs/concurrency.md}.
 */
public final class Node implements AutoCloseable {

  /**
   * The HTTP route a node serves, to mount in a Jetty server.
   *
   * @param basePath the base path the handler serves, {@code /api/v1/ckit/transport}
   * @param handler a non-blocking Jetty core handler that declines every other path, so it can sit
   *     in a {@code Handler.Sequence} in front of the application's own handler
   */
  public record Route(String basePath, Handler handler) {}

  private final NodeRuntime runtime;

  private Node(NodeRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Creates a node that is not yet started. The advertise address is resolved here, on the
   * caller's thread; no thread is started.
   *
   * @param client the Jetty client used to reach peers; it must use HTTP/2 ({@code
   *     HttpClientTransportOverHTTP2}, see {@link Http2#newClient()}), and with {@link
   *     Config#enableTls()} TLS with ALPN; the caller starts and stops it and may share it between
   *     nodes
   * @param config the node's configuration
   * @return the new node
   * @throws CkitException if the advertise address cannot be resolved
   */
  public static Node create(HttpClient client, Config config) {
    return create(client, config, settings -> {});
  }

  /** Creates a node whose transport settings are adjusted (tests: in-memory routes). */
  static Node create(
      HttpClient client, Config config, Consumer<TransportConfig.Builder> transportSettings) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(config, "config");
    AdvertiseAddress advertise = AdvertiseAddress.parse(config.advertiseAddr());
    InetAddress ip;
    try {
      ip = InetAddress.getByName(advertise.host());
    } catch (UnknownHostException e) {
      throw new CkitException(
          "failed to lookup advertise address \"" + advertise.host() + "\": " + e.getMessage(), e);
    }
    return new Node(
        new NodeRuntime(client, config, ip.getAddress(), advertise.port(), transportSettings));
  }

  /** Returns this node's configuration. */
  public Config config() {
    return runtime.config();
  }

  /**
   * Returns the route to mount in the HTTP server this node's peers reach. The server's connector
   * must speak HTTP/2: add {@code HTTP2CServerConnectionFactory} (h2c), or ALPN with {@code
   * HTTP2ServerConnectionFactory} for TLS ({@link Http2#enable} does either). The handler answers
   * 503 until the node is started and after it is stopped.
   */
  public Route handler() {
    return new Route(GossipTransport.BASE_ROUTE, runtime.transport().handler());
  }

  /**
   * Returns a servlet serving the same endpoints as {@link #handler()}, for Servlet 6 containers;
   * map it at {@code /api/v1/ckit/transport/*} with async support enabled. Requires {@code
   * jakarta.servlet-api} on the class path. Each call returns a new servlet over the same node.
   */
  public jakarta.servlet.http.HttpServlet servlet() {
    return ServletFactory.servlet(runtime.transport());
  }

  /**
   * Starts the node and joins the cluster through the given peers. The first call starts the
   * node's threads and its transport; every call then blocks until its join attempts finished (each
   * address is tried in turn, each attempt bounded by {@link Config#streamTimeout()}). May be called
   * again to join more peers (for example to heal a split). Host names are resolved here, on the
   * caller's thread, to all their addresses.
   *
   * @param peers addresses of existing members as {@code host:port} (port 7946 if omitted; an
   *     optional {@code name/} prefix is ignored, as memberlist does); empty for the first node
   * @throws CkitException if peers were given and none of them could be joined, with Go's message
   *     ({@code failed to join memberlist: ...}); the node keeps running and can be started again
   * @throws NodeStoppedException if the node was stopped
   * @throws IllegalStateException if the HTTP client is not started, if TLS is enabled without the
   *     Jetty ALPN client on the class path, or if called on the node's membership thread
   */
  public void start(List<String> peers) {
    runtime.start(peers);
  }

  /**
   * Leaves the cluster gracefully and stops the node: the leave is gossiped (waiting at most {@link
   * Config#leaveTimeout()}; zero does not wait), then the transport answers 503 and the node's
   * threads end. Observers get no further notifications; pending {@link #changeState} futures
   * complete exceptionally with {@link NodeStoppedException}. Calling it again does nothing. A node
   * that was never started just stops. Blocks for at most the leave timeout plus a few seconds.
   *
   * @throws IllegalStateException if called on the node's membership thread
   */
  public void stop() {
    runtime.stop();
  }

  /** Same as {@link #stop()}, for try-with-resources. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Changes this node's state and gossips it. Valid transitions are viewer to participant and
   * participant to terminating. The transition is checked and applied at once ({@link
   * #currentState()} returns the new state when this returns); the gossip happens on the node's
   * membership thread. May be called before {@link #start}: the change then applies when the node
   * starts, and the future is already complete.
   *
   * <p>The future may complete on the membership thread: actions chained to it with the non-async
   * methods ({@code thenRun}, ...) must not block or call {@link #stop()}; use {@code join()}, a
   * timeout, or the {@code *Async} variants.
   *
   * @param to the new state
   * @return a future completed when the change was gossiped to the cluster (at once if the node has
   *     no peers); it never completes exceptionally for the transition itself, only with {@link
   *     NodeStoppedException} if the node stops first
   * @throws StateTransitionException if the transition is not valid, with Go's message ({@code
   *     invalid transition from participant to viewer})
   * @throws NodeStoppedException if the node was stopped
   */
  public CompletableFuture<Void> changeState(State to) {
    return runtime.changeState(to);
  }

  /** Returns this node's own state (peers learn it by gossip). Never blocks. */
  public State currentState() {
    return runtime.currentState();
  }

  /**
   * Returns every known peer, this node included, sorted by name; an immutable snapshot that never
   * changes. Before {@link #start} it holds this node alone. Never blocks.
   */
  public List<Peer> peers() {
    return runtime.peers();
  }

  /**
   * Registers an observer, called on the node's observer thread whenever the peers change (see
   * {@link Observer} for ordering and coalescing). An observer registered before {@link #start}
   * sees the first peer list.
   *
   * @param observer the observer
   * @throws NodeStoppedException if the node was stopped
   */
  public void observe(Observer observer) {
    runtime.observe(observer);
  }

  /**
   * Returns the node's metrics, named exactly as Go ckit's Prometheus metrics ({@code
   * cluster_node_*} with the constant label {@code cluster_name} set to the cluster label, and the
   * transport's {@code cluster_transport_*}), to bind to a Micrometer registry. Bind one node per
   * registry: meters of two nodes with the same label would collide.
   */
  public MeterBinder metrics() {
    return runtime.metrics();
  }

  /** Returns the runtime, for tests in this package. */
  NodeRuntime runtime() {
    return runtime;
  }

  /** Returns the node's name. */
  @Override
  public String toString() {
    return "Node[" + runtime.config().name() + "]";
  }
}
