/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.function.Supplier;

/**
 * Exposes {@code cluster_node_info} on a Micrometer {@link PrometheusMeterRegistry} as a Prometheus
 * info metric. Prometheus client 1.x, which that registry uses, reserves the {@code _info} suffix
 * for info metrics and prints a gauge named {@code cluster_node_info} as {@code cluster_node}; an
 * info metric prints as Go's gauge does: {@code cluster_node_info{state="..."} 1} (Go's info
 * collector ignores its const labels, so there is no {@code cluster_name} label).
 *
 * <p>Loaded only if micrometer-registry-prometheus (an optional dependency) is present; see {@link
 * NodeMetrics}. Thread-safe.
 */
final class PrometheusInfo {
  private PrometheusInfo() {}

  /**
   * Registers the info metric if {@code registry} is a Prometheus registry.
   *
   * @param registry the registry being bound
   * @param help the help text
   * @param state reads the {@code state} label value at every scrape
   * @return true if registered (or already present), false if the registry is another kind
   */
  static boolean bind(
      MeterRegistry registry, String help, Supplier<String> state) {
    if (!(registry instanceof PrometheusMeterRegistry prometheus)) {
      return false;
    }
    Collector collector =
        new Collector() {
          @Override
          public MetricSnapshot collect() {
            return InfoSnapshot.builder()
                .name("cluster_node")
                .help(help)
                .dataPoint(
                    InfoSnapshot.InfoDataPointSnapshot.builder()
                        .labels(Labels.of("state", state.get()))
                        .build())
                .build();
          }

          @Override
          @SuppressWarnings("deprecation") // still what register() checks for duplicates
          public String getPrometheusName() {
            return "cluster_node";
          }
        };
    try {
      prometheus.getPrometheusRegistry().register(collector);
    } catch (IllegalArgumentException alreadyRegistered) {
      // Bound twice to the same registry: the first registration serves.
    }
    return true;
  }
}
