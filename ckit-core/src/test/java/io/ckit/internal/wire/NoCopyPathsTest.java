/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The codec's copy-free variants give exactly what their copying counterparts give: {@link
 * Codec#locateCompound} against {@link Codec#splitCompound}, {@link
 * Codec#encodePushPullCompressed} against compressing {@link Codec#encodePushPull}, and {@link
 * Codec#decompress} reading its {@code Buf} in place from every msgpack form Go accepts.
 */
class NoCopyPathsTest {
  private static String describe(Codec.CompoundParts parts) {
    StringBuilder sb = new StringBuilder("truncated " + parts.truncated() + ":");
    for (byte[] part : parts.parts()) {
      sb.append(' ').append(Hex.of(part));
    }
    return sb.toString();
  }

  private static String describe(byte[] buf, CompoundLayout layout) {
    StringBuilder sb = new StringBuilder("truncated " + layout.truncated() + ":");
    for (int i = 0; i < layout.parts(); i++) {
      int off = layout.offset(i);
      sb.append(' ').append(Hex.of(Arrays.copyOfRange(buf, off, off + layout.length(i))));
    }
    return sb.toString();
  }

  private static String outcome(java.util.function.Supplier<String> call) {
    try {
      return call.get();
    } catch (WireFormatException e) {
      return "WireFormatException: " + e.getMessage();
    }
  }

  @Test
  void shouldLocateCompoundPartsExactlyWhereSplitFindsThem() {
    SplittableRandom random = new SplittableRandom(21);
    for (int round = 0; round < 300; round++) {
      List<byte[]> parts = new ArrayList<>();
      int count = random.nextInt(round < 10 ? 3 : 40);
      for (int i = 0; i < count; i++) {
        byte[] part = new byte[random.nextInt(60)];
        random.nextBytes(part);
        parts.add(part);
      }
      byte[] compound = Codec.compound(parts);
      int pad = random.nextInt(5);
      byte[] buf = new byte[compound.length + 2 * pad];
      System.arraycopy(compound, 0, buf, pad, compound.length);
      // Every prefix, so every truncation point, including inside the length table.
      for (int len = 0; len <= compound.length; len += 1 + random.nextInt(4)) {
        int n = len;
        String split = outcome(() -> describe(Codec.splitCompound(buf, pad, n)));
        String located = outcome(() -> describe(buf, Codec.locateCompound(buf, pad, n)));
        assertEquals(split, located, "round " + round + ", length " + len);
      }
    }
  }

  @Test
  void shouldRejectPartIndexesOutsideTheLayout() {
    byte[] compound = Codec.compound(List.of(new byte[] {1}, new byte[] {2, 3}));
    CompoundLayout layout = Codec.locateCompound(compound, 0, compound.length - 1);
    assertEquals(1, layout.parts());
    assertEquals(1, layout.truncated());
    assertThrows(IndexOutOfBoundsException.class, () -> layout.offset(1));
    assertThrows(IndexOutOfBoundsException.class, () -> layout.length(-1));
  }

  @Test
  void shouldCompressPushPullsAsCompressingTheirEncoding() {
    for (int nodes : new int[] {0, 1, 7, 150, 1200}) {
      List<PushNodeState> states = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        states.add(new PushNodeState("node-" + i, new byte[] {10, 0, (byte) (i >> 8), (byte) i},
            7946, i % 2 == 0 ? null : new byte[] {(byte) i}, i, NodeStateType.ALIVE,
            Codec.CKIT_VSN));
      }
      byte[] user = new byte[nodes * 3];
      new SplittableRandom(nodes).nextBytes(user);
      PushPull p = new PushPull(nodes % 2 == 0, states, nodes == 7 ? null : user);
      assertArrayEquals(Codec.compress(Codec.encodePushPull(p)), Codec.encodePushPullCompressed(p),
          nodes + " nodes");
    }
  }

  @Test
  void shouldDecompressBufFromEveryByteFormat() {
    byte[] plain = "TOBEORNOTTOBEORTOBEORNOT".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] lzw = Lzw.compress(plain, 0, plain.length);
    byte[] header = Hex.bytes("09 82 a4 41 6c 67 6f 00 a3 42 75 66");
    List<byte[]> bufForms = new ArrayList<>();
    bufForms.add(Hex.concat(new byte[] {(byte) (0xA0 | lzw.length)}, lzw)); // fixstr
    bufForms.add(Hex.concat(new byte[] {(byte) 0xC4, (byte) lzw.length}, lzw)); // bin8
    bufForms.add(Hex.concat(new byte[] {(byte) 0xDA, 0, (byte) lzw.length}, lzw)); // str16
    byte[] array = new byte[3 + 2 * lzw.length];
    array[0] = (byte) 0xDC; // array16 of uint8, as Go also accepts
    array[2] = (byte) lzw.length;
    int pos = 3;
    for (byte b : lzw) {
      array[pos++] = (byte) 0xCC;
      array[pos++] = b;
    }
    bufForms.add(Arrays.copyOf(array, pos));
    for (byte[] buf : bufForms) {
      byte[] message = Hex.concat(Hex.concat(new byte[] {7, 7}, header), buf);
      assertArrayEquals(plain, Codec.decompress(message, 2, message.length - 2), Hex.of(buf));
    }
    byte[] nilBuf = Hex.concat(header, new byte[] {(byte) 0xC0});
    assertThrows(WireFormatException.class, () -> Codec.decompress(nilBuf, 0, nilBuf.length));
  }
}
