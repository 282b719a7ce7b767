/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.sidebyside;

import io.ckit.Http2;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * What the harness's nodes share, as an application embedding many nodes in one JVM would: one
 * Jetty thread pool (without reserved threads), one scheduler and one buffer pool under every
 * node's server, and one HTTP/2 client (on the same pool) that every node dials through. Each node
 * still gets its own {@link Server} and connector (its own port and selector thread).
 *
 * <p>Not thread-safe; set up and torn down from the harness's main thread.
 */
final class SharedJetty {
  private final QueuedThreadPool pool;
  private final Scheduler scheduler = new ScheduledExecutorScheduler("shared-scheduler", true);
  private final ByteBufferPool buffers = new ArrayByteBufferPool();
  private final HttpClient client;
  private final LongAdder wireBytes = new LongAdder();

  /**
   * Starts the shared pool, scheduler and client.
   *
   * @param maxNodes how many nodes will run at most, to size the thread pool (each node's
   *     selector holds one pool thread)
   * @throws IllegalStateException if Jetty fails to start
   */
  SharedJetty(int maxNodes) {
    pool = new QueuedThreadPool(2 * maxNodes + 64, 8);
    pool.setName("shared-jetty");
    pool.setDaemon(true);
    // No reserved threads: ckit's handlers and listeners are non-blocking (NON_BLOCKING invocation
    // type), which Jetty runs on the selector thread anyway; reserved threads serve blocking work
    // and cost wake-ups to keep reserved. An embedding application chooses this for its own pool.
    pool.setReservedThreads(0);
    try {
      pool.start();
      scheduler.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the shared thread pool and scheduler", e);
    }
    client = newClient();
  }

  /** Returns the client every node shares. */
  HttpClient client() {
    return client;
  }

  /** Returns the wire bytes (read plus written) counted on every node's server sockets. */
  long wireBytes() {
    return wireBytes.sum();
  }

  /**
   * Creates and starts an HTTP/2 client on the shared pool, scheduler and buffers.
   *
   * @throws IllegalStateException if the client fails to start
   */
  HttpClient newClient() {
    HttpClient c = Http2.newClient();
    c.setExecutor(pool);
    c.setScheduler(scheduler);
    c.setByteBufferPool(buffers);
    try {
      c.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start an HTTP/2 client", e);
    }
    unmanage(c);
    return c;
  }

  /**
   * Makes sure that stopping a node's server or client never stops what the nodes share: Jetty
   * components down the tree (a client's connector, a server's connectors) hold the shared pool
   * and scheduler as beans too.
   */
  private void unmanage(ContainerLifeCycle root) {
    List<ContainerLifeCycle> containers = new ArrayList<>();
    containers.add(root);
    containers.addAll(root.getContainedBeans(ContainerLifeCycle.class));
    for (ContainerLifeCycle container : containers) {
      for (Object shared : new Object[] {pool, scheduler, buffers}) {
        if (container != shared && container.contains(shared)) {
          container.unmanage(shared);
        }
      }
    }
  }

  /**
   * Creates a server with one loopback h2c connector on a free port, bound but not started.
   *
   * @return the server; its connector is {@code getConnectors()[0]}
   * @throws IllegalStateException if no port can be bound
   */
  Server newServer() {
    Server server = new Server(pool, scheduler, buffers);
    HttpConfiguration http = new HttpConfiguration();
    ServerConnector connector =
        new CountingConnector(
            server, pool, scheduler, buffers, wireBytes, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    Http2.enable(connector);
    server.addConnector(connector);
    unmanage(server);
    try {
      connector.open();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot bind a loopback port", e);
    }
    return server;
  }
}
