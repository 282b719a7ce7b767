/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The memberlist and ckit codec: every function here produces exactly the bytes Go produces
 * (memberlist v0.5.3 with go-msgpack v2.1.5) and accepts at least what Go accepts. All methods are
 * pure and thread-safe. Decoders throw {@link WireFormatException} for any malformed input (and
 * nothing else for any input); they check every declared length against the bytes present before
 * allocating, so they allocate at most a small multiple of their input, except LZW decompression,
 * whose output is capped at {@link #MAX_DECOMPRESSED_BYTES}. Null strings in records are encoded as
 * "", as Go has no null strings; decoders never return null strings.
 *
 * <p>Byte arrays passed in are never modified or retained; returned arrays are fresh (except {@link
 * #addLabel} with an empty label, which returns its argument). Ranges {@code (buf, off, len)} must
 * lie inside {@code buf}, else {@link IndexOutOfBoundsException}. Decoders ignore bytes after the
 * msgpack value they read, as Go does.
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

  private static final byte[][] COMPRESS_FIELDS = MsgpackReader.fieldNames("Algo", "Buf");

  /** The fixed start of a compress message: type byte, map of 2, Algo: 0, the key Buf. */
  private static final int COMPRESS_HEADER_BYTES =
      1 + 1 + Keys.ALGO.length + 1 + Keys.BUF.length;

  private Codec() {}

  private static void checkRange(byte[] buf, int off, int len) {
    if (off < 0 || len < 0 || off > buf.length - len) {
      throw new IndexOutOfBoundsException(
          "range [" + off + ", " + off + " + " + len + ") out of bounds for length " + buf.length);
    }
  }

  /**
   * Encodes one message as its type byte followed by its msgpack body ({@link UserMsg}: followed by
   * its raw payload).
   *
   * @throws IllegalArgumentException if a port is outside 0..65535
   */
  public static byte[] encode(Message message) {
    MsgpackWriter w = new MsgpackWriter(96);
    MessageCodec.write(message, w);
    return w.toByteArray();
  }

  /**
   * Decodes one single message (types 0-5, 8, 11, 13) from {@code buf[off, off+len)}. The first byte
   * is the type byte. Envelope types (compound, compress, CRC, label) and stream-only types are
   * rejected.
   *
   * <p>Go strings may hold any bytes; names that are not valid UTF-8 have no faithful Java String,
   * so a message containing one is rejected rather than silently renamed.
   *
   * @throws WireFormatException if the bytes are not one valid message
   */
  public static Message decode(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    return MessageCodec.read(buf, off, len);
  }

  /**
   * Builds a compound message (type 7) from already encoded messages.
   *
   * @param parts at most 255 parts, each at most 65535 bytes
   * @throws IllegalArgumentException if a limit is exceeded
   */
  public static byte[] compound(List<byte[]> parts) {
    if (parts.size() > 255) {
      throw new IllegalArgumentException("a compound holds at most 255 parts, got " + parts.size());
    }
    int total = 2 + 2 * parts.size();
    for (byte[] part : parts) {
      if (part.length > 0xFFFF) {
        throw new IllegalArgumentException(
            "a compound part holds at most 65535 bytes, got " + part.length);
      }
      total += part.length;
    }
    MsgpackWriter w = new MsgpackWriter(total);
    w.rawByte(MessageType.COMPOUND.code());
    w.rawByte(parts.size());
    for (byte[] part : parts) {
      w.rawUint16(part.length);
    }
    for (byte[] part : parts) {
      w.rawBytes(part, 0, part.length);
    }
    return w.result();
  }

  /**
   * Splits a compound message (starting with its type byte 7) into its parts, with memberlist's
   * truncation semantics: parts whose bytes are missing are dropped and counted.
   *
   * @throws WireFormatException if the count or length table itself is truncated
   */
  public static CompoundParts splitCompound(byte[] buf, int off, int len) {
    CompoundLayout layout = locateCompound(buf, off, len);
    List<byte[]> parts = new ArrayList<>(layout.parts());
    for (int i = 0; i < layout.parts(); i++) {
      int start = layout.offset(i);
      parts.add(Arrays.copyOfRange(buf, start, start + layout.length(i)));
    }
    return new CompoundParts(parts, layout.truncated());
  }

  /**
   * Locates the parts of a compound message (starting with its type byte 7) inside {@code buf}
   * without copying them, with {@link #splitCompound}'s truncation semantics.
   *
   * @throws WireFormatException if the count or length table itself is truncated
   */
  public static CompoundLayout locateCompound(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    if (len < 1 || (buf[off] & 0xFF) != MessageType.COMPOUND.code()) {
      throw new WireFormatException("expected a compound message (type byte 7)");
    }
    if (len < 2) {
      throw new WireFormatException("compound message is missing its part count");
    }
    int count = buf[off + 1] & 0xFF;
    int pos = off + 2;
    int end = off + len;
    if (end - pos < 2 * count) {
      throw new WireFormatException(
          "compound message declares " + count + " parts but its length table is truncated");
    }
    int dataPos = pos + 2 * count;
    int[] bounds = new int[2 * count];
    for (int i = 0; i < count; i++) {
      int partLen = ((buf[pos + 2 * i] & 0xFF) << 8) | (buf[pos + 2 * i + 1] & 0xFF);
      if (end - dataPos < partLen) {
        return new CompoundLayout(bounds, i, count - i);
      }
      bounds[2 * i] = dataPos;
      bounds[2 * i + 1] = partLen;
      dataPos += partLen;
    }
    return new CompoundLayout(bounds, count, 0);
  }

  /**
   * The result of {@link #splitCompound}.
   *
   * @param parts the complete parts, in order (each starts with its own type byte)
   * @param truncated how many declared parts were missing
   */
  public record CompoundParts(List<byte[]> parts, int truncated) {
    /** Copies {@code parts} into an unmodifiable list. */
    public CompoundParts {
      parts = List.copyOf(parts);
    }
  }

  /** Wraps a payload as memberlist does: {@code 09} + msgpack {@code compress{Algo: 0, Buf: LZW(payload)}}. */
  public static byte[] compress(byte[] payload) {
    return compress(payload, 0, payload.length);
  }

  /** Like {@link #compress(byte[])}, for the payload {@code buf[off, off+len)}. */
  public static byte[] compress(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    return Lzw.compress(buf, off, len, Codec::frameCompressed);
  }

  private static byte[] frameCompressed(byte[] lzw, int len) {
    MsgpackWriter w =
        new MsgpackWriter(COMPRESS_HEADER_BYTES + MsgpackWriter.rawStringHeaderSize(len) + len);
    w.rawByte(MessageType.COMPRESS.code());
    w.mapHeader(2);
    w.key(Keys.ALGO);
    w.uint(0);
    w.key(Keys.BUF);
    w.bytes(lzw, 0, len);
    return w.result();
  }

  /**
   * Unwraps a compress message (starting with its type byte 9) and returns the decompressed payload.
   *
   * @throws WireFormatException on an unknown algorithm, bad LZW data, an empty result (memberlist
   *     HEAD rejects it; v0.5.3 fails on it later), or output over {@link #MAX_DECOMPRESSED_BYTES}
   */
  public static byte[] decompress(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    if (len < 1 || (buf[off] & 0xFF) != MessageType.COMPRESS.code()) {
      throw new WireFormatException("expected a compress message (type byte 9)");
    }
    MsgpackReader r = new MsgpackReader(buf, off + 1, len - 1);
    long algo = 0;
    MsgpackReader.Slice data = null;
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      int f = array ? (i < COMPRESS_FIELDS.length ? i : -1) : r.readFieldIndex(COMPRESS_FIELDS);
      if (f == 0) {
        algo = r.readUintField(8);
      } else if (f == 1) {
        data = r.readBytesSlice();
      } else {
        r.skipValue();
      }
    }
    if (algo != 0) {
      throw new WireFormatException("cannot decompress unknown algorithm " + algo);
    }
    byte[] out = data == null
        ? Lzw.decompress(new byte[0], 0, 0, MAX_DECOMPRESSED_BYTES)
        : Lzw.decompress(data.array(), data.offset(), data.length(), MAX_DECOMPRESSED_BYTES);
    if (out.length == 0) {
      throw new WireFormatException("compressed payload decompresses to nothing");
    }
    return out;
  }

  /** Returns {@code 0C}, the big-endian CRC-32/IEEE of {@code packet}, then {@code packet}. */
  public static byte[] addCrc(byte[] packet) {
    CRC32 crc = new CRC32();
    crc.update(packet, 0, packet.length);
    MsgpackWriter w = new MsgpackWriter(packet.length + 5);
    w.rawByte(MessageType.HAS_CRC.code());
    w.rawUint32((int) crc.getValue());
    w.rawBytes(packet, 0, packet.length);
    return w.result();
  }

  /**
   * Verifies and skips an optional CRC header, exactly where and as memberlist does: only if the
   * packet is at least 5 bytes long and starts with {@code 0C}.
   *
   * @return the offset of the bytes after the CRC header, or {@code off} if there is none
   * @throws WireFormatException if the header is present and the checksum does not match
   */
  public static int stripCrc(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    if (len < 5 || (buf[off] & 0xFF) != MessageType.HAS_CRC.code()) {
      return off;
    }
    CRC32 crc = new CRC32();
    crc.update(buf, off + 5, len - 5);
    int expected = ((buf[off + 1] & 0xFF) << 24) | ((buf[off + 2] & 0xFF) << 16)
        | ((buf[off + 3] & 0xFF) << 8) | (buf[off + 4] & 0xFF);
    if ((int) crc.getValue() != expected) {
      throw new WireFormatException(String.format(
          "CRC mismatch: header says %08x, payload has %08x", expected, (int) crc.getValue()));
    }
    return off + 5;
  }

  /** Prefixes the label header {@code F4 len label} (returns {@code packet} itself if the label is empty). */
  public static byte[] addLabel(byte[] packet, String label) {
    if (label.isEmpty()) {
      return packet;
    }
    byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 255) {
      throw new IllegalArgumentException(
          "label \"" + label + "\" is " + bytes.length + " bytes in UTF-8; at most 255 allowed");
    }
    MsgpackWriter w = new MsgpackWriter(packet.length + 2 + bytes.length);
    w.rawByte(MessageType.HAS_LABEL.code());
    w.rawByte(bytes.length);
    w.rawBytes(bytes, 0, bytes.length);
    w.rawBytes(packet, 0, packet.length);
    return w.result();
  }

  /**
   * Splits an optional label header off a packet or stream start.
   *
   * @return the label ("" if there is no header) and the offset of the bytes after it
   * @throws WireFormatException if the header is truncated, has length 0, or the label is not
   *     valid UTF-8 (a Java node's own label always is, so such a label could never match)
   */
  public static Labelled stripLabel(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    if (len < 1 || (buf[off] & 0xFF) != MessageType.HAS_LABEL.code()) {
      return new Labelled("", off);
    }
    if (len < 2) {
      throw new WireFormatException("cannot decode label; packet has been truncated");
    }
    int size = buf[off + 1] & 0xFF;
    if (size < 1) {
      throw new WireFormatException("label header cannot be empty when present");
    }
    if (len < 2 + size) {
      throw new WireFormatException("cannot decode label; packet has been truncated");
    }
    return new Labelled(MsgpackReader.utf8(buf, off + 2, size), off + 2 + size);
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
    return PushPullCodec.encode(pushPull);
  }

  /**
   * Encodes a push/pull body and compresses it: the same bytes as {@code
   * compress(encodePushPull(pushPull))}, without the intermediate copy of the plain body.
   */
  public static byte[] encodePushPullCompressed(PushPull pushPull) {
    MsgpackWriter w = PushPullCodec.write(pushPull);
    return Lzw.compress(w.array(), 0, w.size(), Codec::frameCompressed);
  }

  /**
   * Decodes a push/pull body starting with its type byte 6 (already decompressed).
   *
   * @throws WireFormatException if it is malformed or exceeds {@link #MAX_PUSH_PULL_NODES} or {@link
   *     #MAX_USER_STATE_BYTES}
   */
  public static PushPull decodePushPull(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    return PushPullCodec.decode(buf, off, len);
  }

  /** Encodes ckit's State message with its 3-byte prefix {@code 12 01 01}. */
  public static byte[] encodeState(StateMessage state) {
    return CkitCodec.encodeState(state);
  }

  /**
   * Decodes a ckit delegate message; the 3-byte prefix must be {@code 12 01 01}.
   *
   * @throws WireFormatException on a short buffer, bad magic, or an unknown or invalid type
   */
  public static StateMessage decodeState(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    return CkitCodec.decodeState(buf, off, len);
  }

  /** Encodes ckit's localState user state (msgpack {@code {CurrentTime, NodeStates}}). */
  public static byte[] encodeLocalState(LocalState localState) {
    return CkitCodec.encodeLocalState(localState);
  }

  /**
   * Decodes ckit's localState user state.
   *
   * @throws WireFormatException if it is malformed or names an unknown peer state
   */
  public static LocalState decodeLocalState(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    return CkitCodec.decodeLocalState(buf, off, len);
  }

  /**
   * Encodes a stream user message (memberlist's {@code SendReliable}; ckit never sends one): {@code
   * 08} + msgpack {@code userMsgHeader{UserMsgLen}} + the payload.
   */
  public static byte[] encodeStreamUserMsg(byte[] payload) {
    return PushPullCodec.encodeStreamUserMsg(payload);
  }

  /**
   * Decodes a stream user message (starting with its type byte 8, already decompressed) and returns
   * its payload.
   *
   * @throws WireFormatException if it is malformed, truncated, or longer than {@link
   *     #MAX_USER_STATE_BYTES}
   */
  public static byte[] decodeStreamUserMsg(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    return PushPullCodec.decodeStreamUserMsg(buf, off, len);
  }

  /**
   * Removes every envelope from one received memberlist packet, in Go's order: label header, CRC
   * header (only outermost, only if the packet is at least 5 bytes), then compress and compound
   * layers recursively; each single message is decoded. Like Go, a bad part is dropped without
   * affecting the others, and a CRC or label header below the outer layer is an unsupported type.
   *
   * @return the label, the messages, and what was dropped
   * @throws WireFormatException if the label header is malformed or the CRC does not match (Go
   *     drops the whole packet in both cases)
   */
  public static PacketContents unpackPacket(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    Labelled labelled = stripLabel(buf, off, len);
    int end = off + len;
    int crcOff = labelled.offset();
    int inner = stripCrc(buf, crcOff, end - crcOff);
    PacketContents.Unpacker unpacker = new PacketContents.Unpacker();
    unpacker.unpack(buf, inner, end - inner, 0);
    return new PacketContents(labelled.label(), inner != crcOff, unpacker.messages,
        unpacker.truncated, unpacker.errors);
  }
}
