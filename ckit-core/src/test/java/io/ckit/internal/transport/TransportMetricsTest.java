/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The metrics as a Prometheus registry prints them: Go's names and help texts, and the extras. */
@Timeout(60)
class TransportMetricsTest {
  /** Every metric Go ckit's gossiphttp transport declares, with its help text. */
  private static final List<String[]> GO_METRICS =
      List.of(
          new String[] {"cluster_transport_rx_packets_total",
              "Total number of HTTP/2 gossip transport packets read"},
          new String[] {"cluster_transport_rx_bytes_total",
              "Total number of HTTP/2 gossip transport bytes read"},
          new String[] {"cluster_transport_tx_packets_total",
              "Total number of HTTP/2 gossip transport packets written (failed or otherwise)"},
          new String[] {"cluster_transport_tx_bytes_total",
              "Total number of HTTP/2 gossip transport bytes written (failed or otherwise)"},
          new String[] {"cluster_transport_tx_packets_failed_total",
              "Total number of failed HTTP/2 gossip transport packets"},
          new String[] {"cluster_transport_streams",
              "Current number of HTTP/2 transport data streams"},
          new String[] {"cluster_transport_stream_rx_packets_total",
              "Total number of HTTP/2 gossip transport stream packets read"},
          new String[] {"cluster_transport_stream_rx_bytes_total",
              "Total number of HTTP/2 gossip transport stream bytes read"},
          new String[] {"cluster_transport_stream_rx_packets_failed_total",
              "Total number of HTTP/2 gossip transport stream packets failed to read"},
          new String[] {"cluster_transport_stream_tx_packets_total",
              "Total number of HTTP/2 gossip transport stream packets written"},
          new String[] {"cluster_transport_stream_tx_bytes_total",
              "Total number of HTTP/2 gossip transport stream bytes written"},
          new String[] {"cluster_transport_stream_tx_packets_failed_total",
              "Total number of failed HTTP/2 gossip transport stream packets"},
          new String[] {"cluster_transport_rx_packet_queue_length",
              "Current number of unprocessed incoming packets"},
          new String[] {"cluster_transport_tx_packet_queue_length",
              "Current number of unprocessed outgoing packets"});

  private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? (\\S+)$");

  @Test
  void shouldExposeGoMetricNamesAndHelpInPrometheusFormat() throws Exception {
    try (TestNode node = TestNode.start(TestNode.Mode.H2C)) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      node.transport.metrics().bindTo(registry);

      node.transport.sendPacket(node.address, new byte[10]);
      node.sink.packets.poll(20, TimeUnit.SECONDS);
      QueueListener listener = new QueueListener();
      StreamConnection stream = GossipTransportTest.open(node, node.address, listener);
      stream.write(new byte[7]);
      listener.read(7);
      GossipTransportTest.awaitTrue(() -> node.transport.packetsInFlight() == 0);

      String text = registry.scrape();
      for (String[] metric : GO_METRICS) {
        assertTrue(text.contains("# HELP " + metric[0] + " " + metric[1] + "\n"),
            "missing HELP for " + metric[0] + " in:\n" + text);
        assertTrue(Pattern.compile("(?m)^" + metric[0] + " ").matcher(text).find(),
            "missing unlabelled sample " + metric[0]);
      }
      assertEquals(1.0, sample(text, "cluster_transport_rx_packets_total"));
      assertEquals(10.0, sample(text, "cluster_transport_rx_bytes_total"));
      assertEquals(1.0, sample(text, "cluster_transport_tx_packets_total"));
      assertEquals(2.0, sample(text, "cluster_transport_streams"), "dialed and accepted");
      assertEquals(2.0, sample(text, "cluster_transport_stream_tx_packets_total"), "ping + echo");
      assertEquals(14.0, sample(text, "cluster_transport_stream_rx_bytes_total"));

      Set<String> extras = new TreeSet<>();
      for (String line : text.split("\n")) {
        Matcher m = SAMPLE.matcher(line);
        if (m.matches() && GO_METRICS.stream().noneMatch(g -> g[0].equals(m.group(1)))) {
          extras.add(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
        }
      }
      assertEquals(
          new TreeSet<>(
              List.of(
                  "cluster_transport_frame_errors_total",
                  "cluster_transport_rx_requests_rejected_total{reason=\"content_type\"}",
                  "cluster_transport_rx_requests_rejected_total{reason=\"http_version\"}",
                  "cluster_transport_rx_requests_rejected_total{reason=\"malformed_frame\"}",
                  "cluster_transport_rx_requests_rejected_total{reason=\"stopped\"}",
                  "cluster_transport_stream_backlog_overflows_total",
                  "cluster_transport_tx_packets_dropped_total")),
          extras,
          "metrics beyond Go's");
      stream.close();
      listener.awaitClosed();
    }
  }

  private static double sample(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(text);
    assertTrue(m.find(), "no sample " + name);
    return Double.parseDouble(m.group(1));
  }
}
