/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import io.ckit.Http2;
import io.ckit.Observer;
import io.ckit.advertise.Advertise;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Key;
import io.ckit.shard.NotEnoughNodesException;
import io.ckit.shard.Op;
import io.ckit.shard.Sharder;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.eclipse.jetty.client.HttpClient;

/**
 * The README's demo: a small ckit cluster on one machine, each node with a live status page.
 *
 * <p>By default it starts three nodes in this JVM on free ports of 127.0.0.1: {@code first-node}
 * starts a new cluster and becomes a participant, then {@code node-2} and {@code node-3} join it
 * and become participants too. With {@code --join} the nodes join an existing cluster instead, for
 * example one started by another run of this demo (see {@link DemoOptions#USAGE}). While it runs it
 * prints, as seen by the first node, every change to the peers and the owners of a few keys.
 *
 * <p>Thread-safe; {@link #close()} may be called from a shutdown hook.
 */
public final class ClusterDemo implements AutoCloseable {
  /** The keys whose owners are printed whenever the participants change. */
  static final List<String> SAMPLE_KEYS = List.of("some-key", "user-42", "order-1001");

  private final HttpClient client;
  private final List<DemoNode> nodes = new CopyOnWriteArrayList<>();
  private final PrintStream out;
  private final CountDownLatch closed = new CountDownLatch(1);

  private ClusterDemo(HttpClient client, PrintStream out) {
    this.client = client;
    this.out = out;
  }

  /**
   * Runs the demo until the process is interrupted (Ctrl-C), then leaves the cluster.
   *
   * @param args the options described by {@link DemoOptions#USAGE}
   */
  public static void main(String[] args) {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("run-example: " + e.getMessage());
      System.err.print(DemoOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.print(DemoOptions.USAGE);
      return;
    }
    ClusterDemo demo;
    try {
      demo = start(options, System.out);
    } catch (RuntimeException e) {
      System.err.println("run-example: " + describe(e));
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "ckit-demo-shutdown"));
    System.out.println("Status pages:");
    for (DemoNode node : demo.nodes()) {
      System.out.println("  " + node.name() + "  " + node.url());
    }
    System.out.println("Press Ctrl-C to leave the cluster and stop.");
    demo.awaitClosed();
  }

  /**
   * Starts the nodes: the first one joins {@code options.join()} (or starts a new cluster), the
   * others join the first; each becomes a participant before the next one starts. Blocks until all
   * nodes are participants.
   *
   * @param options what to start
   * @param out where membership changes and key owners are printed
   * @return the running demo; close it to leave the cluster
   * @throws io.ckit.CkitException if the cluster given by {@code --join} cannot be joined
   * @throws IllegalStateException if a node cannot listen on its address
   */
  public static ClusterDemo start(DemoOptions options, PrintStream out) {
    HttpClient client = Http2.newClient();
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the HTTP/2 client", e);
    }
    ClusterDemo demo = new ClusterDemo(client, out);
    try {
      String advertiseHost = advertiseHost(options);
      List<String> join = options.join();
      for (int i = 0; i < options.nodes(); i++) {
        String name = options.nodeName(i);
        int port = options.nodePort(i);
        DemoNode node = DemoNode.start(name, options.listenHost(), port, advertiseHost, client);
        demo.nodes.add(node);
        if (i == 0) {
          demo.watch(node);
        }
        node.node().start(join);
        node.node().changeState(State.PARTICIPANT).join();
        if (i == 0) {
          // As in Go ckit's Example: alone in a new cluster, the first node owns every key.
          out.println("Owner of some-key: " + owner(node.sharder(), "some-key"));
          join = List.of(node.node().config().advertiseAddr());
        }
      }
      return demo;
    } catch (RuntimeException e) {
      demo.close();
      throw e;
    }
  }

  /**
   * Returns the nodes this demo runs, in start order.
   *
   * @return the nodes; the first one is the one whose view is printed
   */
  public List<DemoNode> nodes() {
    return List.copyOf(nodes);
  }

  /** Makes every node leave the cluster, last started first, and stops them. Idempotent. */
  @Override
  public synchronized void close() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      DemoNode node = nodes.remove(i);
      node.close();
      out.println(node.name() + " left the cluster");
    }
    try {
      client.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the HTTP/2 client", e);
    } finally {
      closed.countDown();
    }
  }

  /** Blocks until {@link #close()} was called. */
  void awaitClosed() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Prints the first node's view: peer changes, and key owners when participants change. */
  private void watch(DemoNode node) {
    String prefix = "[" + node.name() + "] ";
    node.node()
        .observe(
            peers -> {
              out.println(prefix + "peers: " + describe(peers));
              return true;
            });
    node.node()
        .observe(
            Observer.participants(
                peers -> {
                  out.println(prefix + "owners: " + owners(node.sharder()));
                  return true;
                }));
  }

  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      text.append(": ").append(cause.getMessage());
    }
    return text.toString();
  }

  private static String describe(List<Peer> peers) {
    return peers.stream()
        .map(peer -> peer.name() + " (" + peer.state() + ")")
        .collect(Collectors.joining(", "));
  }

  private static String owners(Sharder sharder) {
    return SAMPLE_KEYS.stream()
        .map(key -> key + " -> " + owner(sharder, key))
        .collect(Collectors.joining(", "));
  }

  private static String owner(Sharder sharder, String key) {
    try {
      return sharder.lookup(Key.of(key), 1, Op.READ_WRITE).get(0).name();
    } catch (NotEnoughNodesException e) {
      return "(none)";
    }
  }

  private static String advertiseHost(DemoOptions options) {
    if (options.advertiseHost() != null) {
      return options.advertiseHost();
    }
    String host = options.listenHost();
    if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
      return Advertise.firstAddress(Advertise.DEFAULT_INTERFACES).getHostAddress();
    }
    return host;
  }
}
