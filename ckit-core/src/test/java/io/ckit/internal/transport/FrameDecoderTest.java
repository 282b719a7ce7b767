/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.wire.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void shouldUseShortHeaderUpTo65535BytesAndLongHeaderAbove() {
    assertEquals("cc0000", HEX.formatHex(Frames.encode(new byte[0])));
    assertEquals("cc0003010203", HEX.formatHex(Frames.encode(new byte[] {1, 2, 3})));
    byte[] max16 = Frames.encode(new byte[65535]);
    assertEquals("ccffff", HEX.formatHex(max16, 0, 3));
    assertEquals(65538, max16.length);
    byte[] over = Frames.encode(new byte[65536]);
    assertEquals("cd00010000", HEX.formatHex(over, 0, 5));
    assertEquals(65541, over.length);
  }

  @Test
  void shouldDecodeFramesSplitAtEveryByte() {
    Random random = new Random(7);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<byte[]> sent = new ArrayList<>();
    for (int size : new int[] {0, 1, 5, 0, 300, 65535, 65536, 70_000}) {
      byte[] payload = new byte[size];
      random.nextBytes(payload);
      sent.add(payload);
      body.writeBytes(Frames.encode(payload));
    }
    byte[] bytes = body.toByteArray();
    for (int chunk : new int[] {1, 2, 3, 4, 5, 7, 4096, bytes.length}) {
      FrameDecoder decoder = new FrameDecoder(1 << 20);
      List<byte[]> got = new ArrayList<>();
      for (int off = 0; off < bytes.length; off += chunk) {
        decoder.feed(bytes, off, Math.min(chunk, bytes.length - off), got::add);
      }
      decoder.finish();
      assertTrue(decoder.atBoundary());
      assertEquals(sent.size(), got.size(), "chunk size " + chunk);
      for (int i = 0; i < sent.size(); i++) {
        assertArrayEquals(sent.get(i), got.get(i), "frame " + i + ", chunk size " + chunk);
      }
    }
  }

  @Test
  void shouldAcceptLongHeaderForSmallPayloadsAsGoReadersDo() {
    // ckit between 9caf731 and 87043f5 wrote 5-byte headers for small payloads.
    List<byte[]> got = new ArrayList<>();
    new FrameDecoder(100).feed(HEX.parseHex("cd00000002abcd"), 0, 7, got::add);
    assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xcd}, got.get(0));
  }

  @Test
  void shouldRejectOversizeHeaderBeforeAllocating() {
    FrameDecoder decoder = new FrameDecoder(1024);
    long before = allocatedBytes();
    WireFormatException e =
        assertThrows(
            WireFormatException.class,
            () -> decoder.feed(HEX.parseHex("cdffffffff"), 0, 5, p -> {}));
    long allocated = allocatedBytes() - before;
    assertTrue(e.getMessage().contains("4294967295"), e.getMessage());
    assertTrue(e.getMessage().contains("1024"), e.getMessage());
    assertTrue(allocated < 1_000_000, "allocated " + allocated + " bytes");
    assertThrows(WireFormatException.class, () -> decoder.feed(new byte[1], 0, 1, p -> {}));
  }

  @Test
  void shouldGrowPayloadBufferWithArrivingBytesNotDeclaredLength() {
    FrameDecoder decoder = new FrameDecoder(Integer.MAX_VALUE - 16);
    long before = allocatedBytes();
    decoder.feed(HEX.parseHex("cd7fffff00"), 0, 5, p -> {});
    decoder.feed(new byte[1000], 0, 1000, p -> {});
    long allocated = allocatedBytes() - before;
    assertTrue(allocated < 1_000_000, "a 2 GiB claim allocated " + allocated + " bytes");
    assertFalse(decoder.atBoundary());
    assertThrows(WireFormatException.class, decoder::finish);
  }

  @Test
  void shouldRejectUnknownMagicAfterDeliveringEarlierFrames() {
    List<byte[]> got = new ArrayList<>();
    FrameDecoder decoder = new FrameDecoder(100);
    byte[] body = HEX.parseHex("cc0001aaab0000");
    WireFormatException e =
        assertThrows(WireFormatException.class, () -> decoder.feed(body, 0, body.length, got::add));
    assertEquals(1, got.size());
    assertTrue(e.getMessage().contains("0xab"), e.getMessage());
  }

  @Test
  void shouldRejectBodiesEndingInsideAFrame() {
    for (String body : new String[] {"cc", "cc00", "cd000000", "cc0002aa"}) {
      FrameDecoder decoder = new FrameDecoder(100);
      byte[] bytes = HEX.parseHex(body);
      decoder.feed(ByteBuffer.wrap(bytes), p -> {});
      assertFalse(decoder.atBoundary(), body);
      assertThrows(WireFormatException.class, decoder::finish, body);
    }
    new FrameDecoder(100).finish(); // an empty body is fine
  }

  /** This thread's allocation counter (HotSpot's com.sun.management.ThreadMXBean, via reflection). */
  private static long allocatedBytes() {
    try {
      return (long)
          Class.forName("com.sun.management.ThreadMXBean")
              .getMethod("getCurrentThreadAllocatedBytes")
              .invoke(java.lang.management.ManagementFactory.getThreadMXBean());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this test needs a HotSpot JVM", e);
    }
  }
}
