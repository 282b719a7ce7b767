/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteRingTest {

  @Test
  void shouldTakeOnlyWhatFitsAndGiveBackInOrderAcrossTheWrap() {
    ByteRing ring = new ByteRing(8);
    assertEquals(6, ring.write(new byte[] {1, 2, 3, 4, 5, 6}, 0, 6));
    byte[] out = new byte[4];
    assertEquals(4, ring.read(out, 0, 4));
    assertArrayEquals(new byte[] {1, 2, 3, 4}, out);

    // Head is at 4, two bytes buffered: this write wraps and is cut to the 6 free bytes.
    assertEquals(6, ring.write(new byte[] {0, 7, 8, 9, 10, 11, 12, 13}, 1, 7));
    assertEquals(8, ring.size());
    assertEquals(0, ring.write(new byte[] {99}, 0, 1));

    byte[] all = new byte[10];
    assertEquals(8, ring.read(all, 1, 9));
    assertArrayEquals(new byte[] {0, 5, 6, 7, 8, 9, 10, 11, 12, 0}, all);
    assertTrue(ring.isEmpty());
    assertEquals(0, ring.read(all, 0, 1));
  }

  @Test
  void shouldRejectANonPositiveCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new ByteRing(0));
  }
}
