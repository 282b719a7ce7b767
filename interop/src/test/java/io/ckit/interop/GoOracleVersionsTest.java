/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pins the Go modules the oracle is built from, so a silent version drift fails loudly. */
class GoOracleVersionsTest {
  @Test
  void shouldBuildAgainstPinnedGoModules() {
    String versions = GoOracle.run(120, null, "versions").stdoutText();
    assertTrue(
        versions.contains("github.com/grafana/ckit v0.0.0-20251024151910-87043f5a3cf7"), versions);
    assertTrue(versions.contains("github.com/hashicorp/memberlist v0.5.3"), versions);
    assertTrue(versions.contains("github.com/hashicorp/go-msgpack/v2 v2.1.5"), versions);
  }
}
