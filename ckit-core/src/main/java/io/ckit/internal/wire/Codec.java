/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.List;

/**
 * The memberlist and ckit codec: every function here produces exactly the bytes Go produces
 * (memberlist v0.5.3 with go-msgpack v2.1.5) and accepts at least what Go accepts. All methods are
 * pure and thread-safe. Decoders throw {@link WireFormatException} for any malformed input and never
 * allocate more than a bounded multiple of their input (see {@link #MAX_DECOMPRESSED_BYTES}).
 *
 * <p>CONTRACT UNDER CONSTRUCTION: signatures are fixed so the membership engine can be written
 * against them; bodies are being filled in by the codec work (issue 3).
 */
public final class Codec {
  /** Largest decompressed payload accepted (memberlist HEAD's limit: 40 MiB). */
  public static final int MAX_DECOMPRESSED_BYTES = 40 * 1024 * 1024;

  /** Most node states accepted in one push/pull (memberlist HEAD's limit). */
  public static final int MAX_PUSH_PULL_NODES = 1 << 20;

  /** Largest user state accepted in one push/pull (memberlist HEAD's limit: 20 MiB). */
  public static final int MAX_USER_STATE_BYTES = 20 * 1024 * 1024;

  /** ckit's protocol version bytes: [pmin 1, pmax 5, pcur 2, dmin 0, dmax 0, dcur 0]. */
  public static final byte[] CKIT_VSN = {1, 5, 2, 0, 0, 0};

  private Codec() {}

  /**
   * Encodes one message as its type byte followed by its msgpack body ({@link UserMsg}: followed by
   * its raw payload).
   */
  public static byte[] encode(Message message) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /**
   * Decodes one single message (types 0-5, 8, 11, 13) from {@code buf[off, off+len)}. The first byte
   * is the type byte. Envelope types (compound, compress, CRC, label) and stream-only types are
   * rejected.
   *
   * @throws WireFormatException if the bytes are not one valid message
   */
  public static Message decode(byte[] buf, int off, int len) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /**
   * Builds a compound message (type 7) from already encoded messages.
   *
   * @param parts at most 255 parts, each at most 65535 bytes
   * @throws IllegalArgumentException if a limit is exceeded
   */
  public static byte[] compound(List<byte[]> parts) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /**
   * Splits a compound message (starting with its type byte 7) into its parts, with memberlist's
   * truncation semantics: parts whose bytes are missing are dropped and counted.
   *
   * @throws WireFormatException if the count or length table itself is truncated
   */
  public static CompoundParts splitCompound(byte[] buf, int off, int len) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /**
   * The result of {@link #splitCompound}.
   *
   * @param parts the complete parts, in order (each starts with its own type byte)
   * @param truncated how many declared parts were missing
   */
  public record CompoundParts(List<byte[]> parts, int truncated) {}

  /** Wraps a payload as memberlist does: {@code 09} + msgpack {@code compress{Algo: 0, Buf: LZW(payload)}}. */
  public static byte[] compress(byte[] payload) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /**
   * Unwraps a compress message (starting with its type byte 9) and returns the decompressed payload.
   *
   * @throws WireFormatException on an unknown algorithm, bad LZW data, or output over {@link
   *     #MAX_DECOMPRESSED_BYTES}
   */
  public static byte[] decompress(byte[] buf, int off, int len) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /** Prefixes {@code 0C} and the big-endian CRC-32/IEEE of {@code packet}. */
  public static byte[] addCrc(byte[] packet) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /** Prefixes the label header {@code F4 len label} (returns {@code packet} itself if the label is empty). */
  public static byte[] addLabel(byte[] packet, String label) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /**
   * Splits an optional label header off a packet or stream start.
   *
   * @return the label ("" if there is no header) and the offset of the bytes after it
   * @throws WireFormatException if the header is truncated or has length 0
   */
  public static Labelled stripLabel(byte[] buf, int off, int len) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /**
   * The result of {@link #stripLabel}.
   *
   * @param label the label, or "" if there was no label header
   * @param offset where the unlabelled bytes start in the buffer
   */
  public record Labelled(String label, int offset) {}

  /**
   * Encodes a push/pull body, uncompressed: {@code 06}, the header, each node state, then the raw
   * user state.
   */
  public static byte[] encodePushPull(PushPull pushPull) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /**
   * Decodes a push/pull body starting with its type byte 6 (already decompressed).
   *
   * @throws WireFormatException if it is malformed or exceeds {@link #MAX_PUSH_PULL_NODES} or {@link
   *     #MAX_USER_STATE_BYTES}
   */
  public static PushPull decodePushPull(byte[] buf, int off, int len) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /** Encodes ckit's State message with its 3-byte prefix {@code 12 01 01}. */
  public static byte[] encodeState(StateMessage state) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /**
   * Decodes a ckit delegate message; the 3-byte prefix must be {@code 12 01 01}.
   *
   * @throws WireFormatException on a short buffer, bad magic, or an unknown or invalid type
   */
  public static StateMessage decodeState(byte[] buf, int off, int len) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /** Encodes ckit's localState user state (msgpack {@code {CurrentTime, NodeStates}}). */
  public static byte[] encodeLocalState(LocalState localState) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }

  /** Decodes ckit's localState user state. */
  public static LocalState decodeLocalState(byte[] buf, int off, int len) {
    throw new UnsupportedOperationException("codec: not implemented yet");
  }
}
