/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.Arrays;

/**
 * Cuts memberlist stream messages out of a byte stream that arrives in arbitrary chunks (gossiphttp
 * frame boundaries on a stream carry no meaning). Feed chunks as they arrive and poll for complete
 * messages:
 *
 * <pre>{@code
 * reader.feed(chunk, 0, chunk.length);
 * for (StreamMessage m; (m = reader.poll()) != null; ) { handle(m); }
 * }</pre>
 *
 * <p>Recognised layout: an optional label header {@code F4 len label} at the very start of the
 * stream (only if the reader was created to accept one: memberlist acceptors do, dialers reading a
 * reply do not), then messages: compress {@code 09} + one msgpack value; push/pull {@code 06} +
 * header + N node states + U raw bytes; stream user message {@code 08} + header + UserMsgLen raw
 * bytes; encrypt {@code 0A} + uint32 BE length + that many bytes; and every single message whose
 * body is one msgpack value (ping, ack, errMsg and the other packet types). Compound, CRC, a
 * second label header and unknown types cannot start a stream message and fail at once.
 *
 * <p>Work is incremental: each byte is examined a bounded number of times however the stream is
 * chunked. Memory is bounded: the reader holds at most {@code maxMessageBytes} of an incomplete
 * message plus the last chunk, and rejects any message whose declared or scanned size exceeds
 * {@code maxMessageBytes}.
 *
 * <p>Not thread-safe: one reader per stream direction, used by one thread at a time. After a
 * {@link WireFormatException} the reader is failed and every later call throws it again.
 */
public final class StreamMessageReader {
  /** A sensible limit for one stream message: memberlist HEAD's decompressed-size limit. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = Codec.MAX_DECOMPRESSED_BYTES;

  private enum Phase { LABEL, TYPE, VALUE, PUSH_PULL_HEADER, PUSH_PULL_NODES, USER_HEADER, RAW_TAIL,
    ENCRYPT_LENGTH, COMPLETE }

  private final int maxMessageBytes;
  private byte[] buf = new byte[4096];
  private int start; // first unconsumed byte
  private int limit; // end of buffered bytes
  private Phase phase;
  private String label = "";
  private int msgStart; // start of the current message (after the label header)
  private MessageType type;
  private MsgpackScanner scanner;
  private long tailEnd; // RAW_TAIL: absolute end of the raw bytes
  private int end; // COMPLETE: end of the message
  private WireFormatException failure;

  /**
   * Creates a reader for one direction of one stream.
   *
   * @param acceptLabel whether a label header may open the stream (true for the acceptor side)
   * @param maxMessageBytes the largest message accepted, label header included
   * @throws IllegalArgumentException if {@code maxMessageBytes} is not positive
   */
  public StreamMessageReader(boolean acceptLabel, int maxMessageBytes) {
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive, got " + maxMessageBytes);
    }
    this.maxMessageBytes = maxMessageBytes;
    this.phase = acceptLabel ? Phase.LABEL : Phase.TYPE;
  }

  /** Returns how many bytes are buffered and not yet returned as part of a message. */
  public int buffered() {
    return limit - start;
  }

  /**
   * Appends bytes from the stream. Call {@link #poll()} until it returns null after each feed.
   *
   * @throws WireFormatException if the bytes cannot form a valid message, a message exceeds the
   *     limit, or complete messages were left unpolled while more than the limit accumulated
   */
  public void feed(byte[] chunk, int off, int len) {
    if (failure != null) {
      throw failure;
    }
    if (off < 0 || len < 0 || off > chunk.length - len) {
      throw new IndexOutOfBoundsException(
          "range [" + off + ", " + off + " + " + len + ") out of bounds for length " + chunk.length);
    }
    if (len == 0) {
      return;
    }
    if (limit - start > maxMessageBytes) {
      throw fail(new WireFormatException(
          "more than " + maxMessageBytes + " bytes buffered: poll() complete messages first"));
    }
    if (buf.length - limit < len) {
      makeRoom(len);
    }
    System.arraycopy(chunk, off, buf, limit, len);
    limit += len;
    advance();
  }

  /**
   * Returns the next complete message, or null if none is complete yet.
   *
   * @throws WireFormatException if the reader failed
   */
  public StreamMessage poll() {
    if (failure != null) {
      throw failure;
    }
    if (phase != Phase.COMPLETE) {
      return null;
    }
    StreamMessage m = new StreamMessage(label, type, Arrays.copyOfRange(buf, msgStart, end));
    start = end;
    phase = Phase.TYPE;
    if (start > buf.length / 2) {
      compact();
    }
    try {
      advance();
    } catch (WireFormatException e) {
      // Recorded as the failure; the next call reports it. This message is still good.
    }
    return m;
  }

  /** Moves unconsumed bytes to the front; only while no scanner holds absolute positions. */
  private void compact() {
    int shift = start;
    if (shift > 0) {
      System.arraycopy(buf, start, buf, 0, limit - start);
      start = 0;
      limit -= shift;
      msgStart -= shift;
      end -= shift;
    }
  }

  private void makeRoom(int len) {
    if (phase == Phase.TYPE || phase == Phase.LABEL || phase == Phase.COMPLETE) {
      compact();
    }
    long need = (long) limit + len;
    if (need > buf.length) {
      long grown = Math.max(need, Math.min(2L * buf.length, (long) start + maxMessageBytes + len));
      if (grown > Integer.MAX_VALUE - 8) {
        throw fail(new WireFormatException("stream buffer would exceed 2 GiB"));
      }
      buf = Arrays.copyOf(buf, (int) grown);
    }
  }

  private WireFormatException fail(WireFormatException e) {
    failure = e;
    return e;
  }

  private long maxEnd() {
    return (long) msgStart + maxMessageBytes;
  }

  private void advance() {
    try {
      step();
    } catch (WireFormatException e) {
      throw fail(e);
    }
    if (phase != Phase.COMPLETE && limit - start > maxMessageBytes) {
      throw fail(new WireFormatException(
          "stream message exceeds " + maxMessageBytes + " bytes and is still incomplete"));
    }
  }

  private void step() {
    while (true) {
      switch (phase) {
        case LABEL -> {
          if (limit - start < 1) {
            return;
          }
          if ((buf[start] & 0xFF) == MessageType.HAS_LABEL.code()) {
            if (limit - start < 2) {
              return;
            }
            int size = buf[start + 1] & 0xFF;
            if (size == 0) {
              throw new WireFormatException("label header cannot be empty when present");
            }
            if (limit - start < 2 + size) {
              return;
            }
            label = MsgpackReader.utf8(buf, start + 2, size);
            start += 2 + size;
          }
          phase = Phase.TYPE;
        }
        case TYPE -> {
          if (limit - start < 1) {
            return;
          }
          msgStart = start;
          beginMessage(buf[start] & 0xFF);
        }
        case VALUE -> {
          if (scanner.scan(buf, limit, maxEnd()) == MsgpackScanner.NEED_MORE) {
            return;
          }
          complete(scanner.position());
        }
        case PUSH_PULL_HEADER -> {
          if (scanner.scan(buf, limit, maxEnd()) == MsgpackScanner.NEED_MORE) {
            return;
          }
          int headerEnd = scanner.position();
          PushPullCodec.Header h = PushPullCodec.readHeader(
              new MsgpackReader(buf, msgStart + 1, headerEnd - msgStart - 1));
          PushPullCodec.checkHeader(h);
          tailEnd = h.userStateLen();
          scanner = new MsgpackScanner(headerEnd, h.nodes());
          phase = Phase.PUSH_PULL_NODES;
        }
        case PUSH_PULL_NODES -> {
          if (scanner.scan(buf, limit, maxEnd()) == MsgpackScanner.NEED_MORE) {
            return;
          }
          expectTail(scanner.position(), tailEnd);
        }
        case USER_HEADER -> {
          if (scanner.scan(buf, limit, maxEnd()) == MsgpackScanner.NEED_MORE) {
            return;
          }
          int headerEnd = scanner.position();
          long n = PushPullCodec.readUserMsgHeader(
              new MsgpackReader(buf, msgStart + 1, headerEnd - msgStart - 1));
          if (n > Codec.MAX_USER_STATE_BYTES) {
            throw new WireFormatException("stream user message declares " + n + " bytes; at most "
                + Codec.MAX_USER_STATE_BYTES + " allowed");
          }
          expectTail(headerEnd, Math.max(n, 0));
        }
        case ENCRYPT_LENGTH -> {
          if (limit - msgStart < 5) {
            return;
          }
          long n = ((long) (buf[msgStart + 1] & 0xFF) << 24) | ((buf[msgStart + 2] & 0xFF) << 16)
              | ((buf[msgStart + 3] & 0xFF) << 8) | (buf[msgStart + 4] & 0xFF);
          expectTail(msgStart + 5, n);
        }
        case RAW_TAIL -> {
          if (limit < tailEnd) {
            return;
          }
          complete((int) tailEnd);
        }
        case COMPLETE -> {
          return;
        }
        default -> throw new IllegalStateException("unknown phase " + phase);
      }
    }
  }

  private void expectTail(int from, long n) {
    if ((long) from + n > maxEnd()) {
      throw new WireFormatException("stream message of type " + type + " needs " + n
          + " more bytes after offset " + (from - msgStart) + ", over the limit of "
          + maxMessageBytes);
    }
    tailEnd = from + n;
    phase = Phase.RAW_TAIL;
  }

  private void complete(int messageEnd) {
    end = messageEnd;
    phase = Phase.COMPLETE;
  }

  private void beginMessage(int code) {
    type = MessageType.fromCode(code);
    if (type == null) {
      throw new WireFormatException("unknown stream message type " + code);
    }
    switch (type) {
      case COMPRESS, PING, INDIRECT_PING, ACK_RESP, SUSPECT, ALIVE, DEAD, NACK_RESP, ERR -> {
        scanner = new MsgpackScanner(msgStart + 1, 1);
        phase = Phase.VALUE;
      }
      case PUSH_PULL -> {
        scanner = new MsgpackScanner(msgStart + 1, 1);
        phase = Phase.PUSH_PULL_HEADER;
      }
      case USER -> {
        scanner = new MsgpackScanner(msgStart + 1, 1);
        phase = Phase.USER_HEADER;
      }
      case ENCRYPT -> phase = Phase.ENCRYPT_LENGTH;
      default -> throw new WireFormatException(
          "message type " + code + " (" + type + ") cannot start a stream message");
    }
  }
}
