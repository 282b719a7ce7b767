/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.wire.MessageType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Watches the first bytes of an accepted stream (the optional label header and the outer message
 * type) to decide, when the first message cannot be read, whether Go would answer with an error
 * message. memberlist's {@code handleConn} replies with {@code errResp} only for failures of {@code
 * readStream}: a read error or timeout before the type byte, or a bad compressed or encrypted
 * message; it replies nothing when no byte arrived at all, when the label header is bad, incomplete
 * or does not match, nor when a message of another type is malformed (that fails later, in {@code
 * readRemoteState} or {@code readUserMsg}).
 *
 * <p>Not thread-safe: fed by the stream's serialized listener calls; looks at no more than the
 * first 258 bytes.
 */
final class StreamHead {
  private static final int LABEL = MessageType.HAS_LABEL.code();

  private final byte[] expectedLabel;
  private int seen;
  private int labelLength = -1; // -1: no label header (yet)
  private byte[] label;
  private int outerType = -1;

  /**
   * Creates a head for a node with the given cluster label.
   *
   * @param expectedLabel the local label ("" for none)
   */
  StreamHead(String expectedLabel) {
    this.expectedLabel = expectedLabel.getBytes(StandardCharsets.UTF_8);
  }

  /** Looks at the next chunk of the stream. */
  void feed(byte[] chunk) {
    for (int i = 0; i < chunk.length && outerType < 0 && !labelInvalid(); i++) {
      int b = chunk[i] & 0xFF;
      if (seen == 0 && b != LABEL) {
        outerType = b;
      } else if (seen == 1) {
        labelLength = b;
        label = new byte[b];
      } else if (seen >= 2 && seen < 2 + labelLength) {
        label[seen - 2] = (byte) b;
      } else if (seen == 2 + labelLength) {
        outerType = b;
      }
      seen++;
    }
  }

  private boolean labelInvalid() {
    return labelLength == 0;
  }

  /** Returns the outer message type byte, or -1 if it has not arrived. */
  int outerType() {
    return outerType;
  }

  /** Returns true if Go's {@code handleConn} would reply with an error message at this point. */
  boolean goRepliesWithError() {
    boolean labelDone = seen > 0 && (labelLength < 0 || seen >= 2 + labelLength);
    if (!labelDone || labelInvalid()) {
      return false; // nothing read, or RemoveLabelHeaderFromStream failed: no reply
    }
    byte[] actual = labelLength < 0 ? new byte[0] : label;
    if (!Arrays.equals(actual, expectedLabel)) {
      return false; // unacceptable label: no reply
    }
    return outerType < 0
        || outerType == MessageType.COMPRESS.code()
        || outerType == MessageType.ENCRYPT.code();
  }
}
