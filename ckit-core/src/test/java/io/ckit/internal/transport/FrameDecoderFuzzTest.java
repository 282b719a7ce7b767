/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ckit.internal.wire.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes {@link FrameDecoder} with arbitrary bodies cut into arbitrary chunks. Properties: it only
 * ever throws {@link WireFormatException}; the frames it returns re-encode to a prefix of the input;
 * chunking never changes the result; and no payload exceeds the limit. Without {@code JAZZER_FUZZ}
 * set, JUnit runs the target once per stored seed input.
 */
class FrameDecoderFuzzTest {
  private static final int LIMIT = 4096;

  @FuzzTest
  void frameDecoder(FuzzedDataProvider data) {
    int chunk = data.consumeInt(1, 64);
    byte[] body = data.consumeRemainingAsBytes();

    Outcome whole = decode(body, body.length);
    Outcome chunked = decode(body, chunk);
    assertEquals(whole.error, chunked.error, "chunking changed the outcome");
    assertEquals(whole.frames.size(), chunked.frames.size());
    ByteArrayOutputStream reencoded = new ByteArrayOutputStream();
    for (int i = 0; i < whole.frames.size(); i++) {
      assertArrayEquals(whole.frames.get(i), chunked.frames.get(i));
      if (whole.frames.get(i).length > LIMIT) {
        throw new AssertionError("payload over the limit: " + whole.frames.get(i).length);
      }
      reencoded.writeBytes(Frames.encode(whole.frames.get(i)));
    }
    byte[] prefix = reencoded.toByteArray();
    if (!whole.longHeaders) {
      byte[] head = java.util.Arrays.copyOf(body, prefix.length);
      assertArrayEquals(head, prefix, "frames do not re-encode to the body's prefix");
    }
  }

  private record Outcome(List<byte[]> frames, String error, boolean longHeaders) {}

  private static Outcome decode(byte[] body, int chunk) {
    FrameDecoder decoder = new FrameDecoder(LIMIT);
    List<byte[]> frames = new ArrayList<>();
    String error = null;
    try {
      for (int off = 0; off < body.length; off += chunk) {
        decoder.feed(body, off, Math.min(chunk, body.length - off), frames::add);
      }
      decoder.finish();
    } catch (WireFormatException e) {
      error = e.getMessage();
    }
    boolean longHeaders = false;
    for (byte b : body) {
      if ((b & 0xFF) == Frames.MAGIC32) {
        longHeaders = true; // a 5-byte header for a short payload re-encodes shorter
        break;
      }
    }
    return new Outcome(frames, error, longHeaders);
  }
}
