/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Ports Go ckit's {@code shard/key_test.go}, plus keys printed by the Go oracle. */
class KeyTest {
  @Test
  void shouldGenerateTheSameKeyWithNoChange() {
    KeyBuilder kb = new KeyBuilder().write("Testing");
    assertEquals(kb.key(), kb.key());
  }

  @Test
  void shouldGenerateANewKeyAfterWrite() {
    KeyBuilder kb = new KeyBuilder();
    Key before = kb.key();
    kb.write("Testing");
    assertNotEquals(before, kb.key());
  }

  @Test
  void shouldResetToTheInitialState() {
    KeyBuilder kb = new KeyBuilder();
    Key initial = kb.key();
    kb.write("Testing").reset();
    assertEquals(initial, kb.key());
  }

  @Test
  void shouldEqualStringKey() {
    String in = "Hello, world!";
    assertEquals(Key.of(in), new KeyBuilder().write(in).key());
    assertEquals(Key.of(in), new KeyBuilder().write(in.getBytes(StandardCharsets.UTF_8)).key());
  }

  /**
   * The example in {@link KeyBuilder}'s Javadoc (ckit-examples' {@code JavadocSnippetsTest} keeps
   * them identical).
   */
  @Test
  void shouldBuildKeysFromPiecesAsTheJavadocShows() {
    // @start region=builder
    KeyBuilder builder = new KeyBuilder(); // one per thread, reused for each key
    Key first = builder.write("tenant-1").write("/").write("series-42").key();
    Key second = builder.reset().write("tenant-2").write("/").write("series-42").key();
    // @end
    assertEquals(Key.of("tenant-1/series-42"), first);
    assertEquals(Key.of("tenant-2/series-42"), second);
    assertNotEquals(first, second);
  }

  @Test
  void shouldMatchKeysPrintedByGo() {
    // Printed by Go ckit's shard.StringKey (pinned revision) via a throwaway oracle subcommand.
    assertEquals("17241709254077376921", Key.of("").toString());
    assertEquals("17691043854468224118", Key.of("Hello, world!").toString());
    assertEquals("6236200483676591104", Key.of("example-key").toString());
    assertEquals(Key.of(Long.parseUnsignedLong("17691043854468224118")), Key.of("Hello, world!"));
  }

  @Test
  void shouldCheckWriteRanges() {
    KeyBuilder kb = new KeyBuilder();
    byte[] bytes = "abcdef".getBytes(StandardCharsets.UTF_8);
    assertEquals(Key.of("cde"), kb.write(bytes, 2, 3).key());
    assertThrows(IndexOutOfBoundsException.class, () -> kb.write(bytes, 4, 3));
    assertThrows(NullPointerException.class, () -> kb.write((String) null));
    assertThrows(NullPointerException.class, () -> Key.of((String) null));
  }
}
