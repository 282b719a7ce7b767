/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.PrometheusText;
import io.ckit.peer.State;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Java node's metrics, scraped from a Micrometer Prometheus registry, against a live Go node's
 * ({@code metrics cluster_}): every Go family exists in Java with the same type, help text and
 * label names, and the {@code cluster_name} and {@code state} label values agree. Java exposes
 * only the documented extras beyond Go's families.
 */
@Timeout(180)
class NodeMetricsInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /**
   * Go declares these {@code _total} metrics as gauges; Prometheus naming reserves {@code _total}
   * for counters, and Micrometer (rightly) exposes them as counters (see TransportMetrics).
   */
  private static final Set<String> GO_GAUGES_JAVA_COUNTERS =
      Set.of(
          "cluster_transport_tx_packets_failed_total",
          "cluster_transport_stream_rx_packets_total",
          "cluster_transport_stream_rx_bytes_total",
          "cluster_transport_stream_tx_packets_total",
          "cluster_transport_stream_tx_bytes_total",
          "cluster_transport_stream_tx_packets_failed_total");

  /** Families only the Java node exposes. */
  private static final Set<String> JAVA_ONLY =
      Set.of(
          // Micrometer's timer adds a max gauge to the histogram.
          "cluster_node_update_duration_seconds_max",
          // Declared but never registered by Go ckit (gossiphttp/metrics.go).
          "cluster_transport_stream_rx_packets_failed_total",
          // Java-only counts.
          "cluster_transport_rx_packets_dropped_total",
          "cluster_transport_frame_errors_total",
          "cluster_transport_rx_requests_rejected_total",
          "cluster_transport_stream_backlog_overflows_total",
          "cluster_transport_tx_packets_dropped_total");

  @Test
  void javaNodeShouldExposeGoFamiliesTypesHelpAndLabels() throws Exception {
    try (GoPeer go = GoPeer.start(new GoPeer.Options("go-m", "green", null, null, null));
        JavaNode java = JavaNode.start("java-m", false, b -> b.label("green"))) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      java.node.metrics().bindTo(registry);
      java.join(List.of(go.address()));
      java.awaitPeers(peers -> peers.size() == 2, WAIT);
      go.awaitPeers(peers -> peers.size() == 2, WAIT);
      go.command("state participant");
      java.node.changeState(State.PARTICIPANT).join();
      java.awaitPeers(peers -> peers.stream().allMatch(p -> p.state() == State.PARTICIPANT), WAIT);
      go.awaitPeers(peers -> peers.stream().allMatch(p -> p.state() == State.PARTICIPANT), WAIT);

      Map<String, Object> reply = go.command("metrics cluster_");
      @SuppressWarnings("unchecked")
      Map<String, Map<String, String>> goFamilies =
          (Map<String, Map<String, String>>) reply.get("families");
      @SuppressWarnings("unchecked")
      Map<String, Object> goSamples = (Map<String, Object>) reply.get("metrics");
      Map<String, PrometheusText.Family> javaFamilies =
          PrometheusText.parse(registry.scrape());

      for (Map.Entry<String, Map<String, String>> entry : goFamilies.entrySet()) {
        String name = entry.getKey();
        PrometheusText.Family family = javaFamilies.get(name);
        assertTrue(family != null, "Java lacks Go's " + name);
        String goType = entry.getValue().get("type");
        String expectedType = GO_GAUGES_JAVA_COUNTERS.contains(name) ? "counter" : goType;
        assertEquals(expectedType, family.type, name + " type (Go: " + goType + ")");
        assertEquals(entry.getValue().get("help"), family.help, name + " help");
        assertEquals(goLabelNames(goSamples, name), family.labelNames, name + " labels");
      }
      Set<String> extra = new TreeSet<>(PrometheusText.withPrefix(javaFamilies, "cluster_")
          .stream().map(f -> f.name).toList());
      extra.removeAll(goFamilies.keySet());
      assertEquals(new TreeSet<>(JAVA_ONLY), extra, "Java-only families");

      // Label values: the cluster label, and the node's own state in the info metric.
      assertEquals(1.0,
          ((Number) goSamples.get("cluster_node_info{state=\"participant\"}")).doubleValue());
      assertEquals(Map.of("cluster_node_info{state=participant}", 1.0),
          javaFamilies.get("cluster_node_info").samples);
      assertEquals(
          goValues(goSamples, "cluster_node_peers"),
          new TreeMap<>(javaFamilies.get("cluster_node_peers").samples).values().stream()
              .toList(),
          "peers by state");
    }
  }

  /** Returns the label names Go's samples of a family carry. */
  private static Set<String> goLabelNames(Map<String, Object> samples, String family) {
    Set<String> names = new TreeSet<>();
    for (String key : samples.keySet()) {
      String base = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
      if (!base.equals(family) && !base.equals(family + "_count")) {
        continue;
      }
      if (key.contains("{")) {
        for (String pair : key.substring(key.indexOf('{') + 1, key.length() - 1).split(",")) {
          names.add(pair.substring(0, pair.indexOf('=')));
        }
      }
    }
    return names;
  }

  /** Returns Go's sample values of a family ordered by their label text. */
  private static List<Double> goValues(Map<String, Object> samples, String family) {
    return new TreeMap<>(samples).entrySet().stream()
        .filter(e -> e.getKey().startsWith(family + "{"))
        .map(e -> ((Number) e.getValue()).doubleValue())
        .toList();
  }
}
