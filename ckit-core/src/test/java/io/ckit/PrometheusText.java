/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A minimal reader of the Prometheus text exposition format (0.0.4), enough to compare metric
 * families: name, type, help, and each sample's labels and value. Public for the interop tests.
 */
public final class PrometheusText {
  /** One metric family. */
  public static final class Family {
    /** The family name, as in {@code # TYPE}. */
    public final String name;
    /** The type: counter, gauge, histogram, summary or untyped. */
    public String type = "untyped";
    /** The help text. */
    public String help = "";
    /** Each sample's full name with sorted labels, mapped to its value. */
    public final Map<String, Double> samples = new LinkedHashMap<>();
    /** The label names of the family's samples (without {@code le}). */
    public final Set<String> labelNames = new TreeSet<>();

    Family(String name) {
      this.name = name;
    }
  }

  private PrometheusText() {}

  /** Parses a scrape into families by name. */
  public static Map<String, Family> parse(String text) {
    Map<String, Family> families = new TreeMap<>();
    Family current = null;
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        String rest = line.substring(7);
        int space = rest.indexOf(' ');
        String name = space < 0 ? rest : rest.substring(0, space);
        String value = space < 0 ? "" : rest.substring(space + 1);
        current = families.computeIfAbsent(name, Family::new);
        if (line.startsWith("# HELP ")) {
          current.help = value.replace("\\n", "\n").replace("\\\\", "\\");
        } else {
          current.type = value;
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int valueStart = line.lastIndexOf(' ');
      String sampleName = brace >= 0 ? line.substring(0, brace) : line.substring(0, valueStart);
      Map<String, String> labels = brace >= 0 ? labels(line.substring(brace + 1,
          line.lastIndexOf('}'))) : Map.of();
      Family family = current != null && sampleName.startsWith(current.name) ? current
          : families.computeIfAbsent(sampleName, Family::new);
      Map<String, String> sorted = new TreeMap<>(labels);
      family.labelNames.addAll(sorted.keySet());
      family.labelNames.remove("le");
      family.labelNames.remove("quantile");
      family.samples.put(sampleName + sorted, Double.parseDouble(line.substring(valueStart + 1)));
    }
    return families;
  }

  private static Map<String, String> labels(String body) {
    Map<String, String> labels = new LinkedHashMap<>();
    int i = 0;
    while (i < body.length()) {
      int eq = body.indexOf('=', i);
      String key = body.substring(i, eq).trim();
      int start = body.indexOf('"', eq) + 1;
      StringBuilder value = new StringBuilder();
      int j = start;
      for (; body.charAt(j) != '"'; j++) {
        char c = body.charAt(j);
        if (c == '\\') {
          j++;
          c = body.charAt(j) == 'n' ? '\n' : body.charAt(j);
        }
        value.append(c);
      }
      labels.put(key, value.toString());
      i = j + 1;
      while (i < body.length() && (body.charAt(i) == ',' || body.charAt(i) == ' ')) {
        i++;
      }
    }
    return labels;
  }

  /** Returns the families whose names start with {@code prefix}. */
  public static List<Family> withPrefix(Map<String, Family> families, String prefix) {
    List<Family> out = new ArrayList<>();
    for (Family family : families.values()) {
      if (family.name.startsWith(prefix)) {
        out.add(family);
      }
    }
    return out;
  }
}
