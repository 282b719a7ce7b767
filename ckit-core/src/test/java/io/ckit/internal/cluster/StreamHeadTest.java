/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When memberlist's {@code handleConn} answers an unreadable stream with an error message. */
class StreamHeadTest {
  private static boolean replies(String label, int... bytes) {
    StreamHead head = new StreamHead(label);
    for (int b : bytes) {
      head.feed(new byte[] {(byte) b}); // one byte per chunk: chunking must not matter
    }
    return head.goRepliesWithError();
  }

  @Test
  void shouldReplyForCompressedAndEncryptedMessagesAndBeforeTheTypeByte() {
    assertEquals(true, replies("", 0x09));
    assertEquals(true, replies("", 0x0A));
    assertEquals(true, replies("ab", 0xF4, 2, 'a', 'b'), "label read, type byte missing");
    assertEquals(true, replies("ab", 0xF4, 2, 'a', 'b', 0x09, 0xC1));
  }

  @Test
  void shouldNotReplyWhenGoFailsBeforeOrAfterReadStream() {
    assertEquals(false, replies(""), "no byte at all");
    assertEquals(false, replies("ab", 0xF4, 2, 'a'), "incomplete label header");
    assertEquals(false, replies("", 0xF4, 0, 0x09), "empty label header");
    assertEquals(false, replies("", 0xF4, 2, 'a', 'b', 0x09), "label mismatch");
    assertEquals(false, replies("ab", 0x09), "missing label");
    assertEquals(false, replies("", 0x06), "malformed push/pull fails in readRemoteState");
    assertEquals(false, replies("", 0x08), "malformed user message fails in readUserMsg");
    assertEquals(false, replies("", 0x07), "compound: invalid stream type, no reply");
  }
}
