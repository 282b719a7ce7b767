/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.sidebyside;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A server connector that counts every byte its sockets read and write. Since every connection in
 * the harness has a server end, the sum over all connectors is the cluster's wire traffic, both
 * directions, HTTP/2 framing included (the Go half counts the same with a counting listener).
 *
 * <p>Thread-safe: the counter is a shared {@link LongAdder}.
 */
final class CountingConnector extends ServerConnector {
  private final LongAdder wireBytes;

  /**
   * Creates a connector with no acceptor threads (its one selector accepts) on the shared
   * executor, scheduler and buffer pool.
   */
  CountingConnector(
      Server server,
      Executor executor,
      Scheduler scheduler,
      ByteBufferPool buffers,
      LongAdder wireBytes,
      ConnectionFactory... factories) {
    super(server, executor, scheduler, buffers, 0, 1, factories);
    this.wireBytes = wireBytes;
  }

  @Override
  protected SocketChannelEndPoint newEndPoint(
      SocketChannel channel, ManagedSelector selector, SelectionKey key) {
    SocketChannelEndPoint endPoint = new CountingEndPoint(channel, selector, key, getScheduler());
    endPoint.setIdleTimeout(getIdleTimeout());
    return endPoint;
  }

  private final class CountingEndPoint extends SocketChannelEndPoint {
    CountingEndPoint(
        SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
      super(channel, selector, key, scheduler);
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
      int n = super.fill(buffer);
      if (n > 0) {
        wireBytes.add(n);
      }
      return n;
    }

    @Override
    public boolean flush(ByteBuffer... buffers) throws IOException {
      long before = remaining(buffers);
      try {
        return super.flush(buffers);
      } finally {
        wireBytes.add(before - remaining(buffers));
      }
    }

    private static long remaining(ByteBuffer[] buffers) {
      long total = 0;
      for (ByteBuffer b : buffers) {
        if (b != null) {
          total += b.remaining();
        }
      }
      return total;
    }
  }
}
