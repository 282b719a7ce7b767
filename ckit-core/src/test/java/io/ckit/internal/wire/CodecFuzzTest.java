/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz targets for every decoder that reads bytes from the network. Each target asserts that
 * any input gives a clean result or a {@link WireFormatException} (any other exception fails the
 * target), that results re-encode to bytes that decode to the same result, and that output stays
 * within the codec's limits.
 *
 * <p>In a normal build these run in regression mode over the seeds in {@code
 * src/test/resources/io/ckit/internal/wire/CodecFuzzTestInputs/<target>/}. {@code
 * scripts/fuzz-smoke} runs each target in fuzzing mode for a fixed time (and documents a long
 * run).
 */
class CodecFuzzTest {
  @FuzzTest
  void decode(byte[] data) {
    Message m;
    try {
      m = Codec.decode(data, 0, data.length);
    } catch (WireFormatException expected) {
      return;
    }
    byte[] again = Codec.encode(m);
    assertArrayEquals(again, Codec.encode(Codec.decode(again, 0, again.length)));
  }

  @FuzzTest
  void splitCompound(byte[] data) {
    Codec.CompoundParts parts;
    try {
      parts = Codec.splitCompound(data, 0, data.length);
    } catch (WireFormatException expected) {
      return;
    }
    assertTrue(parts.parts().size() + parts.truncated() <= 255);
    if (parts.truncated() == 0) {
      byte[] again = Codec.compound(parts.parts());
      assertArrayEquals(java.util.Arrays.copyOf(data, again.length), again);
    }
  }

  @FuzzTest
  void decompress(byte[] data) {
    byte[] plain;
    try {
      plain = Codec.decompress(data, 0, data.length);
    } catch (WireFormatException expected) {
      return;
    }
    assertTrue(plain.length > 0 && plain.length <= Codec.MAX_DECOMPRESSED_BYTES);
    byte[] again = Codec.compress(plain);
    assertArrayEquals(plain, Codec.decompress(again, 0, again.length));
  }

  @FuzzTest
  void decodePushPull(byte[] data) {
    PushPull p;
    try {
      p = Codec.decodePushPull(data, 0, data.length);
    } catch (WireFormatException expected) {
      return;
    }
    byte[] again = Codec.encodePushPull(p);
    assertArrayEquals(again, Codec.encodePushPull(Codec.decodePushPull(again, 0, again.length)));
  }

  @FuzzTest
  void decodeState(byte[] data) {
    StateMessage s;
    try {
      s = Codec.decodeState(data, 0, data.length);
    } catch (WireFormatException expected) {
      return;
    }
    byte[] again = Codec.encodeState(s);
    assertEquals(s, Codec.decodeState(again, 0, again.length));
  }

  @FuzzTest
  void decodeLocalState(byte[] data) {
    LocalState s;
    try {
      s = Codec.decodeLocalState(data, 0, data.length);
    } catch (WireFormatException expected) {
      return;
    }
    byte[] again = Codec.encodeLocalState(s);
    assertEquals(s, Codec.decodeLocalState(again, 0, again.length));
  }

  @FuzzTest
  void stripLabel(byte[] data) {
    Codec.Labelled l;
    try {
      l = Codec.stripLabel(data, 0, data.length);
    } catch (WireFormatException expected) {
      return;
    }
    assertTrue(l.offset() >= 0 && l.offset() <= data.length);
    byte[] rest = java.util.Arrays.copyOfRange(data, l.offset(), data.length);
    if (!l.label().isEmpty()) {
      assertArrayEquals(data, Codec.addLabel(rest, l.label()));
    }
  }

  @FuzzTest
  void unpackPacket(byte[] data) {
    try {
      PacketContents contents = Codec.unpackPacket(data, 0, data.length);
      for (Message m : contents.messages()) {
        Codec.encode(m);
      }
    } catch (WireFormatException expected) {
      // dropped whole, as Go does for a bad label or CRC
    }
  }

  /** Feeds the stream in fuzzer-chosen chunks; the result must not depend on the chunking. */
  @FuzzTest
  void streamMessageReader(FuzzedDataProvider data) {
    boolean acceptLabel = data.consumeBoolean();
    int max = data.consumeInt(1, 1 << 16);
    int[] cuts = new int[data.consumeInt(0, 16)];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = data.consumeInt(1, 64);
    }
    byte[] stream = data.consumeRemainingAsBytes();
    String whole = readAll(stream, new int[] {Integer.MAX_VALUE}, acceptLabel, max);
    String chunked = readAll(stream, cuts.length == 0 ? new int[] {1} : cuts, acceptLabel, max);
    assertEquals(whole, chunked);
  }

  private static String readAll(byte[] stream, int[] cuts, boolean acceptLabel, int max) {
    StreamMessageReader reader = new StreamMessageReader(acceptLabel, max);
    StringBuilder out = new StringBuilder();
    int pos = 0;
    int i = 0;
    try {
      while (pos < stream.length) {
        int n = (int) Math.min(cuts[i++ % cuts.length], (long) stream.length - pos);
        reader.feed(stream, pos, n);
        pos += n;
        for (StreamMessage m; (m = reader.poll()) != null; ) {
          assertTrue(m.bytes().length + m.label().length() <= max + 257);
          out.append(m.label()).append('/').append(m.type()).append('/')
              .append(java.util.HexFormat.of().formatHex(m.bytes())).append(';');
        }
        assertTrue(reader.buffered() <= max + 64 + 257);
      }
    } catch (WireFormatException e) {
      out.append("error");
    }
    return out.toString();
  }
}
