/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's code snippet equal to the compiled, tested {@link Example}: the README's
 * {@code java} block after the marker {@code <!-- snippet: Example.java#example -->} must be the
 * lines between {@code // tag::example[]} and {@code // end::example[]} of Example.java, with the
 * method body's indentation removed.
 */
class ReadmeSnippetTest {
  private static final Path EXAMPLE = Path.of("src/main/java/io/ckit/examples/Example.java");
  private static final Path README = Path.of("../README.md");
  private static final String MARKER = "<!-- snippet: Example.java#example -->";

  @Test
  void readmeShowsTheExampleSource() throws IOException {
    List<String> expected =
        SourceRegions.between(EXAMPLE, "// tag::example[]", "// end::example[]");
    assertTrue(expected.size() > 10, "Example.java has no tagged region");

    List<String> readme = Files.readAllLines(README);
    int marker = readme.indexOf(MARKER);
    assertTrue(marker >= 0, "README.md lacks the marker " + MARKER);
    assertEquals("```java", readme.get(marker + 1), "the marker must precede a ```java block");
    List<String> block = new ArrayList<>();
    for (int i = marker + 2; !readme.get(i).equals("```"); i++) {
      block.add(readme.get(i));
    }
    assertEquals(String.join("\n", expected), String.join("\n", block));
  }
}
