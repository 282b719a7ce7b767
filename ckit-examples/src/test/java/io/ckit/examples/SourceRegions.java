/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads tagged regions of source files, for the tests that keep the code shown in documentation
 * equal to compiled, tested code ({@link ReadmeSnippetTest}, {@link JavadocSnippetsTest}).
 */
final class SourceRegions {
  private SourceRegions() {}

  /**
   * Returns the lines strictly between the first line that is {@code start} and the next line that
   * is {@code end} (both compared without surrounding blanks), with their common indentation
   * removed and blank lines made empty.
   *
   * @param file the source file
   * @param start the line that opens the region, such as {@code // @start region=example}
   * @param end the line that closes it, such as {@code // @end}
   * @return the region's lines, dedented
   * @throws IOException if the file cannot be read
   * @throws AssertionError if the file has no such region
   */
  static List<String> between(Path file, String start, String end) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int first = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (first < 0 && line.equals(start)) {
        first = i + 1;
      } else if (first >= 0 && line.equals(end)) {
        return dedent(lines.subList(first, i));
      }
    }
    throw new AssertionError("no region from \"" + start + "\" to \"" + end + "\" in " + file);
  }

  private static List<String> dedent(List<String> lines) {
    int indent = lines.stream()
        .filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length())
        .min()
        .orElse(0);
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.isBlank() ? "" : line.substring(indent));
    }
    return out;
  }
}
