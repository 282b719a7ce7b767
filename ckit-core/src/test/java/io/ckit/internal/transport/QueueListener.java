/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link StreamListener} for tests: queues chunks and records the end and call overlaps. */
final class QueueListener implements StreamListener {
  final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
  final CompletableFuture<Throwable> closed = new CompletableFuture<>();
  final AtomicInteger closedCalls = new AtomicInteger();
  private final AtomicInteger active = new AtomicInteger();
  volatile boolean overlapped;
  volatile boolean dataAfterClose;

  @Override
  public void onData(byte[] chunk) {
    enter();
    if (closed.isDone()) {
      dataAfterClose = true;
    }
    chunks.add(chunk);
    active.decrementAndGet();
  }

  @Override
  public void onClosed(Throwable cause) {
    enter();
    closedCalls.incrementAndGet();
    closed.complete(cause);
    active.decrementAndGet();
  }

  private void enter() {
    if (active.incrementAndGet() != 1) {
      overlapped = true;
    }
  }

  /** Reads exactly {@code n} bytes of stream data, whatever the chunking. */
  byte[] read(int n) throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(n);
    while (out.size() < n) {
      byte[] chunk = chunks.poll(20, TimeUnit.SECONDS);
      assertNotNull(chunk, "timed out after " + out.size() + " of " + n + " bytes");
      out.write(chunk, 0, chunk.length);
    }
    if (out.size() != n) {
      fail("read " + out.size() + " bytes, wanted " + n);
    }
    return out.toByteArray();
  }

  Throwable awaitClosed() throws Exception {
    return closed.get(20, TimeUnit.SECONDS);
  }
}
