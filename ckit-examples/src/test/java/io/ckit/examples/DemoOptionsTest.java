/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void defaultsStartThreeLocalNodes() {
    DemoOptions options = DemoOptions.parse();
    assertEquals(DemoOptions.local(3), options);
    assertEquals(
        List.of("first-node", "node-2", "node-3"),
        List.of(options.nodeName(0), options.nodeName(1), options.nodeName(2)));
    assertEquals(0, options.nodePort(2));
  }

  @Test
  void joiningDefaultsToOneNode() {
    DemoOptions options =
        DemoOptions.parse(
            "--name", "b", "--listen", "0.0.0.0:7950", "--join", "10.0.0.1:7946, x:1");
    assertEquals(
        new DemoOptions("b", "0.0.0.0", 7950, null, List.of("10.0.0.1:7946", "x:1"), 1), options);
  }

  @Test
  void namesAndPortsFollowTheFirstNode() {
    DemoOptions options =
        DemoOptions.parse(
            "--name", "a", "--listen", "[::1]:7946", "--nodes", "2", "--advertise", "h");
    assertEquals("::1", options.listenHost());
    assertEquals("h", options.advertiseHost());
    assertEquals("a-2", options.nodeName(1));
    assertEquals(7947, options.nodePort(1));
  }

  @Test
  void helpReturnsNull() {
    assertNull(DemoOptions.parse("--nodes", "2", "--help"));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--bogus", "1"));
    assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--nodes"));
    assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--nodes", "0"));
    assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--nodes", "x"));
    assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--listen", "7946"));
    assertThrows(
        IllegalArgumentException.class,
        () -> DemoOptions.parse("--listen", "127.0.0.1:65535", "--nodes", "2"));
  }
}
