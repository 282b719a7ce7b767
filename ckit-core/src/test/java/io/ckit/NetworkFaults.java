/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Network faults injected in front of real nodes' HTTP handlers, keyed by the sender's loopback IP
 * (every node of a {@link LoopbackCluster} sends from and listens on its own 127.x.y.z address):
 *
 * <ul>
 *   <li>loss: a {@code /message} POST is answered 200 and thrown away, as a lost datagram;
 *   <li>latency: handling starts after a uniform delay in [min, max], so the sender sees the whole
 *       request take that long, as a round trip would;
 *   <li>blocked directed links: {@code /message} from a blocked sender is thrown away; a {@code
 *       /stream} needs both directions (it is one TCP connection) and is held unanswered until the
 *       dialer gives up, as a dial into a partition hangs.
 * </ul>
 *
 * <p>Streams are never lost at random: they model TCP. Thread-safe; faults change while requests
 * run. One scheduler thread per instance; {@link #close()} ends it.
 */
final class NetworkFaults implements AutoCloseable {
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "network-faults");
            t.setDaemon(true);
            return t;
          });
  private final Set<String> blocked = ConcurrentHashMap.newKeySet();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder delayed = new LongAdder();
  private final LongAdder held = new LongAdder();
  private volatile double loss;
  private volatile long minLatencyNanos;
  private volatile long maxLatencyNanos;
  /** How long a stream into a partition is held before it is reset (beyond any dial timeout). */
  private final long holdNanos = Duration.ofSeconds(5).toNanos();

  /** Sets the probability that a packet POST is thrown away. */
  void loss(double probability) {
    this.loss = probability;
  }

  /** Sets the latency added to every request, uniform in [min, max]; zeros for none. */
  void latency(Duration min, Duration max) {
    this.minLatencyNanos = min.toNanos();
    this.maxLatencyNanos = max.toNanos();
  }

  /** Blocks or unblocks the direction {@code fromIp → toIp}. */
  void block(String fromIp, String toIp, boolean isBlocked) {
    if (isBlocked) {
      blocked.add(fromIp + ">" + toIp);
    } else {
      blocked.remove(fromIp + ">" + toIp);
    }
  }

  /** Removes every fault. */
  void clear() {
    blocked.clear();
    loss = 0;
    minLatencyNanos = 0;
    maxLatencyNanos = 0;
  }

  /** Returns how many packet POSTs were thrown away. */
  long dropped() {
    return dropped.sum();
  }

  /** Returns how many requests were delayed. */
  long delayed() {
    return delayed.sum();
  }

  /** Returns how many streams were held because their link was blocked. */
  long held() {
    return held.sum();
  }

  private boolean isBlocked(String from, String to) {
    return blocked.contains(from + ">" + to);
  }

  /** Wraps the handler of the node listening on {@code localIp}. */
  Handler wrap(String localIp, Handler inner) {
    return new Handler.Wrapper(inner) {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        String path = Request.getPathInContext(request);
        String from = ip(request.getConnectionMetaData().getRemoteSocketAddress());
        if (path.endsWith("/stream")) {
          if (isBlocked(from, localIp) || isBlocked(localIp, from)) {
            held.increment();
            scheduler.schedule(
                () -> callback.failed(new TimeoutException("partitioned")),
                holdNanos, TimeUnit.NANOSECONDS);
            return true;
          }
        } else if (path.endsWith("/message")) {
          double p = loss;
          if (isBlocked(from, localIp) || (p > 0 && ThreadLocalRandom.current().nextDouble() < p)) {
            dropped.increment();
            response.setStatus(HttpStatus.OK_200);
            callback.succeeded();
            return true;
          }
        }
        long min = minLatencyNanos;
        long max = maxLatencyNanos;
        if (max <= 0) {
          return super.handle(request, response, callback);
        }
        long delay = min + (max > min ? ThreadLocalRandom.current().nextLong(max - min + 1) : 0);
        delayed.increment();
        Handler next = getHandler();
        scheduler.schedule(
            () -> {
              try {
                if (!next.handle(request, response, callback)) {
                  Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
              } catch (Throwable t) {
                callback.failed(t);
              }
            },
            delay, TimeUnit.NANOSECONDS);
        return true;
      }
    };
  }

  private static String ip(SocketAddress address) {
    return address instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : "";
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
