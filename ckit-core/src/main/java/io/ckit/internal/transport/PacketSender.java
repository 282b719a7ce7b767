/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing packet path: a bounded queue that drops its oldest packet when full (Go's {@code
 * internal/queue}), drained by at most {@link TransportConfig#maxPacketsInFlight()} asynchronous
 * {@code /message} requests. There are no worker threads: {@link #enqueue} and every request
 * completion schedule a drain on the HTTP client's executor, which starts requests until the
 * in-flight limit is reached, and returns.
 *
 * <p>Thread-safe. One lock guards the queue and the in-flight set; it is never held while calling
 * Jetty.
 */
final class PacketSender {
  private static final Logger LOG = LoggerFactory.getLogger(PacketSender.class);

  private record OutPacket(String addr, byte[] payload) {}

  private final GossipTransport transport;
  private final int capacity;
  private final int maxInFlight;
  private final long timeoutMillis;
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Object lock = new Object();

  // Guarded by lock.
  private final ArrayDeque<OutPacket> queue = new ArrayDeque<>();
  private final Set<Request> inFlight = new HashSet<>();
  private int slotsTaken;
  private boolean stopped;

  PacketSender(GossipTransport transport) {
    this.transport = transport;
    this.capacity = transport.config().packetQueueCapacity();
    this.maxInFlight = transport.config().maxPacketsInFlight();
    this.timeoutMillis = Math.max(1, transport.config().packetTimeout().toMillis());
  }

  void enqueue(String addr, byte[] payload) {
    int dropped = 0;
    synchronized (lock) {
      if (stopped) {
        dropped = 1;
      } else {
        if (queue.size() >= capacity) {
          queue.pollFirst();
          dropped = 1;
        }
        queue.addLast(new OutPacket(addr, payload));
      }
    }
    if (dropped > 0) {
      transport.metrics().packetDropped();
    }
    scheduleDrain();
  }

  int queued() {
    synchronized (lock) {
      return queue.size();
    }
  }

  int inFlight() {
    synchronized (lock) {
      return slotsTaken;
    }
  }

  /**
   * Drops queued packets (counted), lets the requests in flight finish for at most the packet
   * timeout, then aborts those still in flight. Go's transport likewise drops its queue on shutdown
   * but finishes the packet it is writing: without the wait, a node's leave message, gossiped just
   * before the node stops, would be aborted in flight and peers would declare the node dead
   * instead of left. Blocks for at most the packet timeout.
   */
  void stop() {
    List<Request> abort;
    int dropped;
    synchronized (lock) {
      stopped = true;
      dropped = queue.size();
      queue.clear();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      try {
        for (long left = timeoutMillis; !inFlight.isEmpty() && left > 0; ) {
          lock.wait(left);
          left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      abort = new ArrayList<>(inFlight);
    }
    for (int i = 0; i < dropped; i++) {
      transport.metrics().packetDropped();
    }
    for (Request request : abort) {
      request.abort(GossipTransport.stopped());
    }
  }

  /** Starts draining packets queued so far (used when the transport starts). */
  void kick() {
    scheduleDrain();
  }

  private void scheduleDrain() {
    if (!transport.isRunning() || !drainScheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      transport.clientExecutor().execute(this::drain);
    } catch (RejectedExecutionException e) {
      drainScheduled.set(false);
      LOG.warn("HTTP client executor rejected the packet drain task; packets stay queued", e);
    }
  }

  private void drain() {
    drainScheduled.set(false);
    while (true) {
      OutPacket packet;
      synchronized (lock) {
        if (stopped || slotsTaken >= maxInFlight || queue.isEmpty()) {
          return;
        }
        packet = queue.pollFirst();
        slotsTaken++;
      }
      Request request = transport.newRequest(packet.addr(), GossipTransport.MESSAGE_PATH);
      boolean go;
      synchronized (lock) {
        go = !stopped;
        if (go) {
          inFlight.add(request);
        }
      }
      if (go) {
        send(packet, request);
      } else {
        transport.metrics().packetDropped();
        completed(request, null);
      }
    }
  }

  private void send(OutPacket packet, Request request) {
    transport.metrics().packetTx(packet.payload().length);
    byte[] frame;
    try {
      frame = Frames.encode(packet.payload());
    } catch (IllegalArgumentException e) {
      completed(request, e);
      return;
    }
    request
        .body(new BytesRequestContent(GossipTransport.CONTENT_TYPE, frame))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .send(result -> completed(request, failure(result)));
  }

  private static Throwable failure(Result result) {
    if (result.isFailed()) {
      return result.getFailure();
    }
    int status = result.getResponse().getStatus();
    return status == HttpStatus.OK_200
        ? null
        : new TransportException("peer answered /message with HTTP status " + status);
  }

  private void completed(Request request, Throwable failure) {
    synchronized (lock) {
      inFlight.remove(request);
      slotsTaken--;
      lock.notifyAll();
    }
    if (failure != null) {
      transport.metrics().packetTxFailed();
      LOG.debug("failed to send packet to {}", request.getURI(), failure);
    }
    scheduleDrain();
  }
}
