/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the code examples in the API Javadoc compiled: every {@code <pre>} block preceded by
 * {@code <!-- snippet: TestClass#region -->} must equal the region between {@code // @start
 * region=...} and {@code // @end} in that test class (Java 17's javadoc has no {@code @snippet}).
 */
class SnippetsTest {
  private static final Pattern MARKER =
      Pattern.compile("<!-- snippet: (\\w+)#(\\w+) -->\\s*\\n\\s*\\*\\s*<pre>\\{@code\\n(.*?)\\n\\s*\\*\\s*\\}</pre>",
          Pattern.DOTALL);

  @Test
  void shouldMatchEveryJavadocExampleWithItsCompiledRegion() throws IOException {
    List<String> checked = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = MARKER.matcher(Files.readString(file));
        while (m.find()) {
          String javadoc = stripJavadoc(m.group(3));
          String region = region(m.group(1), m.group(2));
          assertEquals(region, javadoc, file + ": example " + m.group(1) + "#" + m.group(2));
          checked.add(m.group(1) + "#" + m.group(2));
        }
      }
    }
    assertFalse(checked.isEmpty(), "no examples found");
    assertEquals(List.of("Http2Test#h2c", "Http2Test#tls", "NodeExampleTest#example"),
        checked.stream().sorted().toList());
  }

  private static String stripJavadoc(String block) {
    List<String> lines = new ArrayList<>();
    for (String line : block.split("\n")) {
      lines.add(line.replaceFirst("^\\s*\\* ?", ""));
    }
    return String.join("\n", lines).stripTrailing();
  }

  private static String region(String testClass, String name) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/java/io/ckit/" + testClass + ".java"));
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals("// @start region=" + name)) {
        start = i + 1;
      } else if (start >= 0 && lines.get(i).trim().equals("// @end")) {
        List<String> region = lines.subList(start, i);
        int indent = region.stream().filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : region) {
          out.add(line.isBlank() ? "" : line.substring(indent));
        }
        return String.join("\n", out).stripTrailing();
      }
    }
    throw new AssertionError("no region " + name + " in " + testClass);
  }
}
