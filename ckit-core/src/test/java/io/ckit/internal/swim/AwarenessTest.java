/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Port of memberlist's {@code awareness_test.go}. */
class AwarenessTest {
  @Test
  void shouldClampScoreAndScaleTimeouts() {
    // {delta, score, timeout in seconds} from TestAwareness.
    int[][] cases = {
      {0, 0, 1}, {-1, 0, 1}, {-10, 0, 1}, {1, 1, 2}, {-1, 0, 1}, {10, 7, 8}, {-1, 6, 7},
      {-1, 5, 6}, {-1, 4, 5}, {-1, 3, 4}, {-1, 2, 3}, {-1, 1, 2}, {-1, 0, 1}, {-1, 0, 1},
    };
    Awareness awareness = new Awareness(8);
    for (int i = 0; i < cases.length; i++) {
      awareness.applyDelta(cases[i][0]);
      assertEquals(cases[i][1], awareness.healthScore(), "case " + i + ": score");
      assertEquals(
          cases[i][2] * 1_000_000_000L,
          awareness.scaleTimeout(1_000_000_000L),
          "case " + i + ": scaled timeout");
    }
  }
}
