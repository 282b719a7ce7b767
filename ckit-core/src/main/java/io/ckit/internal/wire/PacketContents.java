/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one memberlist packet carries, once its label, CRC, compression and compound layers
 * are removed: see {@link Codec#unpackPacket}. Like Go, a bad part does not spoil the others.
 *
 * @param label the packet's label ("" if it had no label header); the caller must drop the packet
 *     if this differs from its own label
 * @param hadCrc whether a (valid) CRC header was present
 * @param messages the single messages, in wire order (depth first through compounds)
 * @param truncated how many compound parts were missing from the end of their compound
 * @param errors why other parts were dropped (bad msgpack, unknown types, nesting too deep...)
 */
public record PacketContents(
    String label,
    boolean hadCrc,
    List<Message> messages,
    int truncated,
    List<WireFormatException> errors) {
  /** Copies the lists into unmodifiable lists. */
  public PacketContents {
    messages = List.copyOf(messages);
    errors = List.copyOf(errors);
  }

  /** Unwraps the inner layers (compress, compound, single messages) recursively. */
  static final class Unpacker {
    /** Go recurses without limit; four levels cover compress → compound → compress → message. */
    static final int MAX_DEPTH = 4;

    final List<Message> messages = new ArrayList<>();
    final List<WireFormatException> errors = new ArrayList<>();
    int truncated;

    void unpack(byte[] buf, int off, int len, int depth) {
      if (len < 1) {
        errors.add(new WireFormatException("missing message type byte"));
        return;
      }
      int code = buf[off] & 0xFF;
      try {
        if (code == MessageType.COMPOUND.code() || code == MessageType.COMPRESS.code()) {
          if (depth >= MAX_DEPTH) {
            throw new WireFormatException("packet nests more than " + MAX_DEPTH + " levels");
          }
          if (code == MessageType.COMPOUND.code()) {
            CompoundLayout parts = Codec.locateCompound(buf, off, len);
            truncated += parts.truncated();
            for (int i = 0; i < parts.parts(); i++) {
              unpack(buf, parts.offset(i), parts.length(i), depth + 1);
            }
          } else {
            byte[] inner = Codec.decompress(buf, off, len);
            unpack(inner, 0, inner.length, depth + 1);
          }
        } else {
          messages.add(Codec.decode(buf, off, len));
        }
      } catch (WireFormatException e) {
        errors.add(e);
      }
    }
  }
}
