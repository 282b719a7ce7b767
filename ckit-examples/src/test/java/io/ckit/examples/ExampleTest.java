/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs {@link Example} as Go runs its {@code Example()}: the output must match exactly. */
class ExampleTest {

  @Test
  @Timeout(60)
  void printsTheOwnerOfSomeKey() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Example.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertEquals(
        "Owner of some-key: first-node" + System.lineSeparator(),
        captured.toString(StandardCharsets.UTF_8));
  }
}
