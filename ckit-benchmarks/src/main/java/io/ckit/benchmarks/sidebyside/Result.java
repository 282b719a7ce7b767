/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.sidebyside;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one half of the harness measured, printed as the JSON object the Go half prints (same
 * field names; {@code stackBytesPerNode} is null on the Java side, whose thread stacks live outside
 * the heap and are not measured).
 *
 * <p>Mutable, filled in by the harness's main thread.
 */
final class Result {
  int nodes;
  double heapBytesPerNode;
  double threadsPerNode;
  double txBytesPerSecPerNode;
  double txPacketBytesPerSecPerNode;
  double txStreamBytesPerSecPerNode;
  double wireBytesPerSecPerNode;
  double cpuMillisPerSecPerNode;
  double jitMillisPerSecPerNode;
  final Map<String, Long> convergeMillis = new TreeMap<>();
  final Map<String, List<Long>> convergeSamples = new TreeMap<>();
  String runtime;
  double warmupSeconds;
  double windowSeconds;

  /**
   * Records one convergence sample and keeps the median of each kind in {@link #convergeMillis}
   * (the lower middle sample for an even count, as the Go half does).
   */
  void add(String kind, Duration d) {
    List<Long> samples = convergeSamples.computeIfAbsent(kind, k -> new ArrayList<>());
    samples.add(d.toMillis());
    List<Long> sorted = samples.stream().sorted().toList();
    convergeMillis.put(kind, sorted.get((sorted.size() - 1) / 2));
  }

  /** Returns the result as a JSON object. */
  String toJson() {
    String converge =
        convergeMillis.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
            .collect(Collectors.joining(",\n    "));
    String samples =
        convergeSamples.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": " + e.getValue().toString().replace(" ", ""))
            .collect(Collectors.joining(",\n    "));
    return String.format(
        Locale.ROOT,
        "{%n  \"impl\": \"java\",%n  \"nodes\": %d,%n  \"heapBytesPerNode\": %.1f,%n"
            + "  \"stackBytesPerNode\": null,%n  \"threadsPerNode\": %.3f,%n"
            + "  \"threadsKind\": \"threads\",%n  \"txBytesPerSecPerNode\": %.3f,%n"
            + "  \"txPacketBytesPerSecPerNode\": %.3f,%n  \"txStreamBytesPerSecPerNode\": %.3f,%n"
            + "  \"wireBytesPerSecPerNode\": %.3f,%n  \"cpuMillisPerSecPerNode\": %.3f,%n"
            + "  \"jitMillisPerSecPerNode\": %.3f,%n"
            + "  \"convergeMillis\": {%n    %s%n  },%n  \"convergeSamples\": {%n    %s%n  },%n"
            + "  \"runtime\": \"%s\",%n"
            + "  \"warmupSeconds\": %.0f,%n  \"windowSeconds\": %.0f%n}",
        nodes,
        heapBytesPerNode,
        threadsPerNode,
        txBytesPerSecPerNode,
        txPacketBytesPerSecPerNode,
        txStreamBytesPerSecPerNode,
        wireBytesPerSecPerNode,
        cpuMillisPerSecPerNode,
        jitMillisPerSecPerNode,
        converge,
        samples,
        runtime.replace("\"", "'"),
        warmupSeconds,
        windowSeconds);
  }
}
