/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import io.ckit.internal.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An incremental decoder of gossiphttp frames: feed it body bytes in chunks of any size, and it
 * hands out each complete frame payload.
 *
 * <p>A frame header that declares more than the configured maximum is rejected before any payload
 * is allocated. The payload buffer grows with the bytes that actually arrive (at most twice their
 * number), so a header that lies about its length costs the peer as much as it costs us. Unlike Go,
 * which allocates the declared length up front.
 *
 * <p>Not thread-safe: one decoder belongs to one request or stream body, fed by one thread at a
 * time. After an error the decoder stays failed.
 */
public final class FrameDecoder {
  /** Initial payload buffer when the declared length is not yet all available. */
  private static final int INITIAL_CHUNK = 64 * 1024;

  private final int maxPayload;
  private final byte[] header = new byte[5];
  private int headerFilled;
  private byte[] payload;
  private int payloadLength = -1;
  private int payloadFilled;
  private WireFormatException failure;

  /**
   * Creates a decoder.
   *
   * @param maxPayload the largest accepted payload in bytes, 0 to {@code Integer.MAX_VALUE - 8}
   * @throws IllegalArgumentException if the limit is out of range
   */
  public FrameDecoder(int maxPayload) {
    if (maxPayload < 0 || maxPayload > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxPayload out of range: " + maxPayload);
    }
    this.maxPayload = maxPayload;
  }

  /**
   * Consumes all remaining bytes of {@code data}, passing each complete payload to {@code frames}
   * in order. Empty payloads are passed on too.
   *
   * @param data the next body bytes; its position is advanced to its limit
   * @param frames receives each payload; a fresh array the receiver owns
   * @throws WireFormatException on an unknown magic byte or a length over the limit, now or at an
   *     earlier call; payloads completed before the bad header were already passed on
   */
  public void feed(ByteBuffer data, Consumer<byte[]> frames) {
    if (failure != null) {
      throw failure;
    }
    while (data.hasRemaining()) {
      if (payloadLength < 0) {
        readHeader(data);
        if (payloadLength < 0) {
          return;
        }
        startPayload(data.remaining());
      }
      int n = Math.min(data.remaining(), payloadLength - payloadFilled);
      if (payloadFilled + n > payload.length) {
        int grown = (int) Math.min(payloadLength, Math.max(2L * payload.length, payloadFilled + n));
        payload = Arrays.copyOf(payload, grown);
      }
      data.get(payload, payloadFilled, n);
      payloadFilled += n;
      if (payloadFilled == payloadLength) {
        byte[] done = payload;
        payload = null;
        payloadLength = -1;
        payloadFilled = 0;
        frames.accept(done);
      }
    }
  }

  /**
   * Convenience for {@link #feed(ByteBuffer, Consumer)} over an array range.
   *
   * @param data the source array
   * @param off the first byte
   * @param len how many bytes
   * @param frames receives each payload
   * @throws WireFormatException as {@link #feed(ByteBuffer, Consumer)}
   */
  public void feed(byte[] data, int off, int len, Consumer<byte[]> frames) {
    feed(ByteBuffer.wrap(data, off, len), frames);
  }

  /**
   * Returns whether the bytes fed so far end exactly at a frame boundary, which is the only place a
   * body may end cleanly.
   */
  public boolean atBoundary() {
    return failure == null && headerFilled == 0 && payloadLength < 0;
  }

  /**
   * Checks that the body may end here.
   *
   * @throws WireFormatException if the body ended inside a frame header or payload
   */
  public void finish() {
    if (failure != null) {
      throw failure;
    }
    if (headerFilled > 0) {
      throw fail("body ended inside a frame header (" + headerFilled + " header bytes)");
    }
    if (payloadLength >= 0) {
      throw fail(
          "body ended inside a frame payload (" + payloadFilled + " of " + payloadLength + " bytes)");
    }
  }

  private void readHeader(ByteBuffer data) {
    if (headerFilled == 0) {
      int magic = data.get() & 0xFF;
      if (magic != Frames.MAGIC16 && magic != Frames.MAGIC32) {
        throw fail(String.format("unrecognized frame magic byte 0x%02x", magic));
      }
      header[0] = (byte) magic;
      headerFilled = 1;
    }
    int size = (header[0] & 0xFF) == Frames.MAGIC16 ? 3 : 5;
    int n = Math.min(size - headerFilled, data.remaining());
    data.get(header, headerFilled, n);
    headerFilled += n;
    if (headerFilled < size) {
      return;
    }
    long length =
        size == 3
            ? ((header[1] & 0xFFL) << 8) | (header[2] & 0xFFL)
            : ((header[1] & 0xFFL) << 24)
                | ((header[2] & 0xFFL) << 16)
                | ((header[3] & 0xFFL) << 8)
                | (header[4] & 0xFFL);
    if (length > maxPayload) {
      throw fail("frame declares " + length + " payload bytes, over the limit of " + maxPayload);
    }
    headerFilled = 0;
    payloadLength = (int) length;
  }

  private void startPayload(int available) {
    int first = payloadLength <= available ? payloadLength : Math.min(payloadLength, INITIAL_CHUNK);
    payload = new byte[Math.max(first, Math.min(available, payloadLength))];
    payloadFilled = 0;
  }

  private WireFormatException fail(String message) {
    failure = new WireFormatException(message);
    return failure;
  }
}
