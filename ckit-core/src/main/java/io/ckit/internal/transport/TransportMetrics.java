/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The transport's metrics: Go ckit's {@code internal/gossiphttp/metrics.go} (same names, help texts,
 * no labels) plus counts Go does not keep, recorded with cheap adders and exposed as a Micrometer
 * {@link MeterBinder}.
 *
 * <p>Every Go metric whose name ends in {@code _total} is a Micrometer counter here, so a Prometheus
 * registry prints exactly Go's name; Go declares some of them as gauges (exposition type {@code
 * gauge}), which Prometheus naming rules do not allow for {@code _total} names. Differences in what
 * is counted: Go counts each received packet twice (once when read, once when dequeued) and each
 * stream {@code Read} call as a "stream packet"; here every received packet is counted once and
 * stream packets are frames. Go declares {@code cluster_transport_stream_rx_packets_failed_total}
 * but never registers it; it is exposed here.
 *
 * <p>Thread-safe; recording never blocks.
 */
public final class TransportMetrics implements MeterBinder {
  /** Why a request was answered with an error status before its body was used. */
  public enum Rejection {
    /** The transport was not running (503). */
    STOPPED,
    /** Not HTTP/2 (505). */
    HTTP_VERSION,
    /** Content-Type was not exactly {@code application/x.ckit} (400). */
    CONTENT_TYPE,
    /** A {@code /message} body held a malformed or oversize frame (400). */
    MALFORMED_FRAME
  }

  private final LongAdder packetRx = new LongAdder();
  private final LongAdder packetRxBytes = new LongAdder();
  private final LongAdder packetTx = new LongAdder();
  private final LongAdder packetTxBytes = new LongAdder();
  private final LongAdder packetTxFailed = new LongAdder();
  private final LongAdder packetTxDropped = new LongAdder();
  private final AtomicLong openStreams = new AtomicLong();
  private final LongAdder streamRx = new LongAdder();
  private final LongAdder streamRxBytes = new LongAdder();
  private final LongAdder streamRxFailed = new LongAdder();
  private final LongAdder streamTx = new LongAdder();
  private final LongAdder streamTxBytes = new LongAdder();
  private final LongAdder streamTxFailed = new LongAdder();
  private final LongAdder streamBacklogOverflows = new LongAdder();
  private final LongAdder frameErrors = new LongAdder();
  private final Map<Rejection, LongAdder> rejected = new EnumMap<>(Rejection.class);
  private final IntSupplier rxQueueLength;
  private final IntSupplier txQueueLength;

  TransportMetrics(IntSupplier rxQueueLength, IntSupplier txQueueLength) {
    this.rxQueueLength = rxQueueLength;
    this.txQueueLength = txQueueLength;
    for (Rejection reason : Rejection.values()) {
      rejected.put(reason, new LongAdder());
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "cluster_transport_rx_packets_total",
        "Total number of HTTP/2 gossip transport packets read", packetRx);
    counter(registry, "cluster_transport_rx_bytes_total",
        "Total number of HTTP/2 gossip transport bytes read", packetRxBytes);
    counter(registry, "cluster_transport_tx_packets_total",
        "Total number of HTTP/2 gossip transport packets written (failed or otherwise)", packetTx);
    counter(registry, "cluster_transport_tx_bytes_total",
        "Total number of HTTP/2 gossip transport bytes written (failed or otherwise)", packetTxBytes);
    counter(registry, "cluster_transport_tx_packets_failed_total",
        "Total number of failed HTTP/2 gossip transport packets", packetTxFailed);
    Gauge.builder("cluster_transport_streams", openStreams, AtomicLong::get)
        .description("Current number of HTTP/2 transport data streams")
        .register(registry);
    counter(registry, "cluster_transport_stream_rx_packets_total",
        "Total number of HTTP/2 gossip transport stream packets read", streamRx);
    counter(registry, "cluster_transport_stream_rx_bytes_total",
        "Total number of HTTP/2 gossip transport stream bytes read", streamRxBytes);
    counter(registry, "cluster_transport_stream_rx_packets_failed_total",
        "Total number of HTTP/2 gossip transport stream packets failed to read", streamRxFailed);
    counter(registry, "cluster_transport_stream_tx_packets_total",
        "Total number of HTTP/2 gossip transport stream packets written", streamTx);
    counter(registry, "cluster_transport_stream_tx_bytes_total",
        "Total number of HTTP/2 gossip transport stream bytes written", streamTxBytes);
    counter(registry, "cluster_transport_stream_tx_packets_failed_total",
        "Total number of failed HTTP/2 gossip transport stream packets", streamTxFailed);
    Gauge.builder("cluster_transport_rx_packet_queue_length", rxQueueLength, IntSupplier::getAsInt)
        .description("Current number of unprocessed incoming packets")
        .register(registry);
    Gauge.builder("cluster_transport_tx_packet_queue_length", txQueueLength, IntSupplier::getAsInt)
        .description("Current number of unprocessed outgoing packets")
        .register(registry);

    // Not in Go ckit.
    counter(registry, "cluster_transport_tx_packets_dropped_total",
        "Total number of outgoing packets dropped because the queue was full or the transport stopped",
        packetTxDropped);
    counter(registry, "cluster_transport_frame_errors_total",
        "Total number of malformed or oversize gossiphttp frames received", frameErrors);
    counter(registry, "cluster_transport_stream_backlog_overflows_total",
        "Total number of streams failed because their outbound backlog was full",
        streamBacklogOverflows);
    for (Map.Entry<Rejection, LongAdder> entry : rejected.entrySet()) {
      FunctionCounter.builder(
              "cluster_transport_rx_requests_rejected_total", entry.getValue(), LongAdder::sum)
          .description("Total number of incoming HTTP requests rejected with an error status")
          .tag("reason", entry.getKey().name().toLowerCase(java.util.Locale.ROOT))
          .register(registry);
    }
  }

  private static void counter(MeterRegistry registry, String name, String help, LongAdder adder) {
    FunctionCounter.builder(name, adder, LongAdder::sum).description(help).register(registry);
  }

  void packetRx(int bytes) {
    packetRx.increment();
    packetRxBytes.add(bytes);
  }

  void packetTx(int bytes) {
    packetTx.increment();
    packetTxBytes.add(bytes);
  }

  void packetTxFailed() {
    packetTxFailed.increment();
  }

  void packetDropped() {
    packetTxDropped.increment();
  }

  void streamOpened() {
    openStreams.incrementAndGet();
  }

  void streamClosed() {
    openStreams.decrementAndGet();
  }

  void streamRx(int bytes) {
    streamRx.increment();
    streamRxBytes.add(bytes);
  }

  void streamRxFailed() {
    streamRxFailed.increment();
  }

  void streamTx(int bytes) {
    streamTx.increment();
    streamTxBytes.add(bytes);
  }

  void streamTxFailed() {
    streamTxFailed.increment();
  }

  void streamBacklogOverflow() {
    streamBacklogOverflows.increment();
  }

  void frameError() {
    frameErrors.increment();
  }

  void reject(Rejection reason) {
    rejected.get(reason).increment();
  }

  /** Returns how many outgoing packets were dropped so far. */
  public long droppedPackets() {
    return packetTxDropped.sum();
  }

  /** Returns how many outgoing packet requests failed so far. */
  public long failedPackets() {
    return packetTxFailed.sum();
  }

  /** Returns how many received frames were malformed or oversize so far. */
  public long frameErrors() {
    return frameErrors.sum();
  }

  /** Returns how many requests were rejected for {@code reason} so far. */
  public long rejected(Rejection reason) {
    return rejected.get(reason).sum();
  }

  /** Returns the number of currently open streams, both directions. */
  public long openStreams() {
    return openStreams.get();
  }
}
