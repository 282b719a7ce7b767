/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static io.ckit.TestCluster.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.peer.State;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The node's metrics as a Prometheus registry prints them: Go ckit's names, types, help texts and
 * labels ({@code metrics.go}, {@code node.go}), with the {@code cluster_name} label set to the
 * cluster label. The interop module compares the same scrape with a live Go node's.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeMetricsTest {
  /** Go ckit's node metrics: name, type, help, label names. */
  static final List<List<Object>> GO_NODE_METRICS =
      List.of(
          List.of("cluster_node_gossip_received_events_total", "counter",
              "Total number of gossip messages handled by the node.",
              Set.of("cluster_name", "event")),
          List.of("cluster_node_gossip_broadcasts_total", "counter",
              "Total number of gossip messages broadcasted by the node.",
              Set.of("cluster_name", "event")),
          List.of("cluster_node_peers", "gauge", "Current number of healthy peers by state",
              Set.of("cluster_name", "state")),
          List.of("cluster_node_updating", "gauge",
              "1 if the node is currently processing a change to the cluster state.",
              Set.of("cluster_name")),
          List.of("cluster_node_update_duration_seconds", "histogram",
              "Histogram of the latency it took to process a change to the cluster state.",
              Set.of("cluster_name")),
          List.of("cluster_node_update_observers", "gauge",
              "Number of internal observers waiting for changes to cluster state.",
              Set.of("cluster_name")),
          List.of("cluster_node_info", "gauge",
              "Info about the local node. Label values will change as the node changes state.",
              Set.of("state")), // Go's InfoCollector drops the const label
          List.of("cluster_node_lamport_time", "gauge", "The current lamport time of the node.",
              Set.of()), // registered by node.go without the const label
          List.of("cluster_node_gossip_proto_version", "gauge",
              "Gossip protocol version used by nodes to maintain the cluster",
              Set.of("cluster_name")),
          List.of("cluster_node_gossip_health_score", "gauge",
              "Health value of a node; lower values means healthier. 0 is the minimum.",
              Set.of("cluster_name")),
          List.of("cluster_node_gossip_alive_peers", "gauge",
              "How many alive gossip peers a node has, including the local node.",
              Set.of("cluster_name")));

  @Test
  void shouldPrintGoNamesTypesHelpAndLabels() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.MEMORY)) {
      Node a = cluster.node("node-a", b -> b.label("blue"));
      Node b = cluster.node("node-b", c -> c.label("blue"));
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      a.metrics().bindTo(registry);
      a.observe(peers -> true);
      a.start(List.of());
      b.start(List.of(address(a)));
      TestCluster.waitPeerCount(a, 2);
      b.changeState(State.PARTICIPANT).join();
      TestCluster.waitPeerState(a, "node-b", State.PARTICIPANT);
      a.changeState(State.PARTICIPANT).join();

      Map<String, PrometheusText.Family> families = PrometheusText.parse(registry.scrape());
      for (List<Object> expected : GO_NODE_METRICS) {
        PrometheusText.Family family = families.get((String) expected.get(0));
        assertTrue(family != null, "missing " + expected.get(0) + " in " + families.keySet());
        assertEquals(expected.get(1), family.type, family.name);
        assertEquals(expected.get(2), family.help, family.name);
        assertEquals(expected.get(3), family.labelNames, family.name);
      }
      Map<String, Double> info = families.get("cluster_node_info").samples;
      assertEquals(Map.of("cluster_node_info{state=participant}", 1.0), info);
      Map<String, Double> events = families.get("cluster_node_gossip_received_events_total").samples;
      assertEquals(2.0,
          events.get("cluster_node_gossip_received_events_total{cluster_name=blue, event=node_join}"));
      assertTrue(
          events.get("cluster_node_gossip_received_events_total"
              + "{cluster_name=blue, event=state_change_message}") >= 1.0);
      Map<String, Double> peers = families.get("cluster_node_peers").samples;
      assertEquals(2.0, peers.get("cluster_node_peers{cluster_name=blue, state=participant}"));
      assertEquals(0.0, peers.get("cluster_node_peers{cluster_name=blue, state=viewer}"));
      assertEquals(2.0, families.get("cluster_node_gossip_alive_peers").samples.values().iterator()
          .next());
      assertEquals(2.0, families.get("cluster_node_gossip_proto_version").samples.values()
          .iterator().next());
      assertEquals(1.0, families.get("cluster_node_update_observers").samples.values().iterator()
          .next());
      assertTrue(families.get("cluster_node_lamport_time").samples.values().iterator().next()
          >= 2.0);
      Map<String, Double> histogram = families.get("cluster_node_update_duration_seconds").samples;
      for (String le : List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0",
          "2.5", "5.0", "10.0", "+Inf")) {
        assertTrue(histogram.containsKey(
            "cluster_node_update_duration_seconds_bucket{cluster_name=blue, le=" + le + "}"), le);
      }
      assertTrue(families.containsKey("cluster_transport_rx_packets_total"));
      assertTrue(families.containsKey("cluster_transport_rx_packets_dropped_total"));
    }
  }

  @Test
  void shouldPrintTheInfoMetricAsGoDoesThroughACompositeRegistry() {
    try (TestCluster cluster = new TestCluster(TestCluster.Mode.MEMORY)) {
      Node a = cluster.node("node-a");
      PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      SimpleMeterRegistry simple = new SimpleMeterRegistry();
      CompositeMeterRegistry composite = new CompositeMeterRegistry();
      composite.add(prometheus);
      composite.add(simple);
      a.metrics().bindTo(composite);
      a.changeState(State.PARTICIPANT).join();

      Map<String, PrometheusText.Family> families = PrometheusText.parse(prometheus.scrape());
      assertEquals(Map.of("cluster_node_info{state=participant}", 1.0),
          families.get("cluster_node_info").samples);
      assertTrue(!families.containsKey("cluster_node"), "no gauge stripped of its _info suffix");
      assertEquals(1.0,
          simple.get("cluster_node_info").tag("state", "participant").gauge().value());
    }
  }
}
