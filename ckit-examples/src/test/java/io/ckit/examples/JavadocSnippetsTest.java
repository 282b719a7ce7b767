/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the code examples in the library modules' Javadoc compiled and tested (Java 17's javadoc
 * has no {@code @snippet}). In every library module, a {@code <pre>} block preceded by {@code
 * <!-- snippet: TestClass#region -->} must equal the region between {@code // @start
 * region=NAME} and {@code // @end} of that test class in the same module's {@code src/test/java},
 * with the indentation removed. {@code TestClass} is a simple name in the documented class's
 * package, or a package-qualified name. Every {@code <pre>} of an exported package needs a marker,
 * and the list of checked examples is pinned, so a dropped marker fails too.
 *
 * <p>The check lives here because this module builds after all library modules; it reads their
 * sources relative to this module's directory, where Surefire runs.
 */
class JavadocSnippetsTest {
  /** The library modules, whose Javadoc is published. */
  private static final List<String> MODULES =
      List.of("ckit-shard", "ckit-core", "ckit-advertise", "ckit-memconn");

  /** Every checked example, as {@code module:qualified.TestClass#region}, sorted. */
  private static final List<String> EXAMPLES =
      List.of(
          "ckit-advertise:io.ckit.advertise.SystemInterfacesTest#firstAddress",
          "ckit-core:io.ckit.Http2Test#h2c",
          "ckit-core:io.ckit.Http2Test#tls",
          "ckit-core:io.ckit.NodeExampleTest#example",
          "ckit-memconn:io.ckit.memconn.InMemoryHttpExampleTest#example",
          "ckit-shard:io.ckit.shard.KeyTest#builder",
          "ckit-shard:io.ckit.shard.ShardTest#example");

  /** A marker, then the Javadoc lines of the {@code <pre>{@code ...}</pre>} block it precedes. */
  private static final Pattern MARKER =
      Pattern.compile(
          "<!-- snippet: ([\\w.]+)#(\\w+) -->\\s*\\n"
              + "\\s*\\*\\s*<pre>\\{@code\\n(.*?)\\n\\s*\\*\\s*\\}</pre>",
          Pattern.DOTALL);

  private static final Pattern EXPORTS =
      Pattern.compile("^\\s*exports\\s+([\\w.]+)", Pattern.MULTILINE);

  @Test
  void shouldMatchEveryJavadocExampleWithItsCompiledRegion() throws IOException {
    List<String> checked = new ArrayList<>();
    for (String module : MODULES) {
      checked.addAll(checkModule(Path.of("..", module)));
    }
    assertEquals(EXAMPLES, checked.stream().sorted().toList());
  }

  @Test
  void shouldFindTestClassesByPackageOrQualifiedName() {
    assertEquals("io.ckit.shard.KeyTest", testClass("KeyTest", "io.ckit.shard"));
    assertEquals("io.ckit.shard.KeyTest", testClass("io.ckit.shard.KeyTest", "io.ckit"));
    assertEquals("KeyTest", testClass("KeyTest", ""));
  }

  /** Checks one module's sources and returns the examples it checked. */
  private static List<String> checkModule(Path module) throws IOException {
    Path main = module.resolve("src/main/java");
    Path test = module.resolve("src/test/java");
    Set<String> exported = EXPORTS.matcher(Files.readString(main.resolve("module-info.java")))
        .results()
        .map(r -> r.group(1))
        .collect(Collectors.toSet());
    List<String> checked = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String source = Files.readString(file);
        String pkg = main.relativize(file.getParent()).toString().replace(File.separatorChar, '.');
        int found = 0;
        Matcher m = MARKER.matcher(source);
        while (m.find()) {
          String testClass = testClass(m.group(1), pkg);
          Path testFile = test.resolve(testClass.replace('.', '/') + ".java");
          String region = String.join("\n",
              SourceRegions.between(testFile, "// @start region=" + m.group(2), "// @end"));
          String example = module.getFileName() + ":" + testClass + "#" + m.group(2);
          assertEquals(region.stripTrailing(), stripJavadoc(m.group(3)), file + ": " + example);
          checked.add(example);
          found++;
        }
        assertEquals(count(source, "<!-- snippet:"), found,
            file + ": a snippet marker must be followed by a <pre>{@code ...}</pre> block");
        if (exported.contains(pkg)) {
          assertEquals(count(source, "<pre>"), found,
              file + ": every <pre> of the public API needs a <!-- snippet: TestClass#region -->");
        }
      }
    }
    return checked;
  }

  /** Resolves a marker's test class name: qualified as is, else in the documented package. */
  private static String testClass(String name, String pkg) {
    return name.contains(".") || pkg.isEmpty() ? name : pkg + "." + name;
  }

  private static String stripJavadoc(String block) {
    List<String> lines = new ArrayList<>();
    for (String line : block.split("\n")) {
      lines.add(line.replaceFirst("^\\s*\\* ?", ""));
    }
    return String.join("\n", lines).stripTrailing();
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }
}
