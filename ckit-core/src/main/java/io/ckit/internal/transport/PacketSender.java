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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The outgoing packet path: a bounded queue that drops its oldest packet when full (Go's {@code
 * internal/queue}), drained by at most {@link TransportConfig#maxPacketsInFlight()} asynchronous
 * {@code /message} requests. There are no worker threads: {@link #enqueue} and every request
 * completion drain the queue on their own thread, starting requests until the in-flight limit is
 * reached. Starting a request does not block (Jetty queues the frames and writes what the socket
 * takes); doing it in place rather than on the client's executor spares a thread hand-off, and so
 * a wake-up, per packet.
 *
 * <p>One thread drains at a time: a thread that finds another draining, or itself re-entered from a
 * completion Jetty ran in place (a request that failed at once), leaves its packets to that thread,
 * which looks at the queue again before it returns. So no packet is stranded and the stack does
 * not grow with the queue.
 *
 * <p>Thread-safe. One lock guards the queue and the in-flight set; it is never held while calling
 * Jetty.
 */
final class PacketSender {
  private record OutPacket(String addr, byte[] payload) {}

  private final GossipTransport transport;
  private final int capacity;
  private final int maxInFlight;
  private final long timeoutMillis;
  /** Drain requests not yet looked at; non-zero while a thread drains. */
  private final AtomicInteger drainRequests = new AtomicInteger();
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
    drain();
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

  /** Starts sending packets queued so far (used when the transport starts). */
  void kick() {
    drain();
  }

  /** Sends queued packets while slots are free, unless another thread is at it (see above). */
  private void drain() {
    if (!transport.isRunning() || drainRequests.getAndIncrement() != 0) {
      return;
    }
    int requests = 1;
    do {
      sendQueued();
      requests = drainRequests.addAndGet(-requests);
    } while (requests != 0);
  }

  private void sendQueued() {
    while (true) {
      OutPacket packet;
      synchronized (lock) {
        if (stopped || slotsTaken >= maxInFlight || queue.isEmpty()) {
          return;
        }
        packet = queue.pollFirst();
        slotsTaken++;
      }
      Request request;
      try {
        request = transport.newRequest(packet.addr(), GossipTransport.MESSAGE_PATH);
      } catch (IllegalArgumentException e) { // an address Jetty cannot make a URI of
        releaseSlot();
        failed(packet.addr(), e);
        continue;
      }
      boolean go;
      synchronized (lock) {
        go = !stopped;
        if (go) {
          inFlight.add(request);
        }
      }
      if (!go) {
        releaseSlot();
        transport.metrics().packetDropped();
        return;
      }
      send(packet, request);
    }
  }

  private void send(OutPacket packet, Request request) {
    transport.metrics().packetTx(packet.payload().length);
    try {
      byte[] frame = Frames.encode(packet.payload());
      request
          .body(new BytesRequestContent(GossipTransport.CONTENT_TYPE, frame))
          .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
          .send(result -> completed(request, failure(result)));
    } catch (RuntimeException e) {
      // An oversized payload; Jetty itself reports failures to the listener. Never let it reach
      // the caller (the membership loop).
      completed(request, e);
    }
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

  /** Ends a request: frees its slot (once, however often Jetty reports) and sends what waits. */
  private void completed(Request request, Throwable failure) {
    synchronized (lock) {
      if (!inFlight.remove(request)) {
        return;
      }
      slotsTaken--;
      lock.notifyAll();
    }
    if (failure != null) {
      failed(request.getURI(), failure);
    }
    boolean more;
    synchronized (lock) {
      more = !queue.isEmpty();
    }
    if (more) {
      drain();
    }
  }

  private void releaseSlot() {
    synchronized (lock) {
      slotsTaken--;
      lock.notifyAll();
    }
  }

  private void failed(Object destination, Throwable failure) {
    transport.metrics().packetTxFailed();
    transport.log().debug("failed to send message to {}: {}", destination, String.valueOf(failure));
  }
}
