/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes and decodes memberlist's stream bodies: push/pull ({@code pushPullHeader}, node states,
 * raw user state) and stream user messages ({@code userMsgHeader} + raw bytes). Go {@code int}
 * fields ({@code Nodes}, {@code UserStateLen}, {@code UserMsgLen}, {@code State}) use the signed
 * msgpack families. Stateless and thread-safe.
 */
final class PushPullCodec {
  private static final byte[][] HEADER = MsgpackReader.fieldNames("Nodes", "UserStateLen", "Join");
  private static final byte[][] NODE_STATE =
      MsgpackReader.fieldNames("Name", "Addr", "Port", "Meta", "Incarnation", "State", "Vsn");
  private static final byte[][] USER_MSG_HEADER = MsgpackReader.fieldNames("UserMsgLen");

  private PushPullCodec() {}

  /** A decoded {@code pushPullHeader}. */
  record Header(long nodes, long userStateLen, boolean join) {}

  static void writeHeader(boolean join, long nodes, long userStateLen, MsgpackWriter w) {
    w.mapHeader(3);
    w.key(Keys.JOIN);
    w.bool(join);
    w.key(Keys.NODES);
    w.sint(nodes);
    w.key(Keys.USER_STATE_LEN);
    w.sint(userStateLen);
  }

  static void writeNodeState(PushNodeState s, MsgpackWriter w) {
    MessageCodec.checkPort(s.port());
    w.mapHeader(7);
    w.key(Keys.ADDR);
    w.bytes(s.addr());
    w.key(Keys.INCARNATION);
    w.uint32(s.incarnation());
    w.key(Keys.META);
    w.bytes(s.meta());
    w.key(Keys.NAME);
    w.string(s.name());
    w.key(Keys.PORT);
    w.uint(s.port());
    w.key(Keys.STATE);
    w.sint(s.state().wireValue());
    w.key(Keys.VSN);
    w.bytes(s.vsn());
  }

  static byte[] encode(PushPull p) {
    return write(p).toByteArray();
  }

  /** Writes a whole push/pull body into a new writer and returns it. */
  static MsgpackWriter write(PushPull p) {
    byte[] user = p.userState() == null ? new byte[0] : p.userState();
    MsgpackWriter w = new MsgpackWriter(32 + 80 * p.nodes().size() + user.length);
    w.rawByte(MessageType.PUSH_PULL.code());
    writeHeader(p.join(), p.nodes().size(), user.length, w);
    for (PushNodeState s : p.nodes()) {
      writeNodeState(s, w);
    }
    w.rawBytes(user, 0, user.length);
    return w;
  }

  static Header readHeader(MsgpackReader r) {
    long nodes = 0;
    long userStateLen = 0;
    boolean join = false;
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      int f = array ? (i < HEADER.length ? i : -1) : r.readFieldIndex(HEADER);
      switch (f) {
        case 0 -> nodes = r.readIntField();
        case 1 -> userStateLen = r.readIntField();
        case 2 -> join = r.readBoolField();
        default -> r.skipValue();
      }
    }
    return new Header(nodes, userStateLen, join);
  }

  /**
   * Checks a header against memberlist HEAD's input limits (v0.5.3 has none; negative counts crash
   * or are ignored there).
   */
  static void checkHeader(Header h) {
    if (h.nodes() < 0 || h.nodes() > Codec.MAX_PUSH_PULL_NODES) {
      throw new WireFormatException(
          "push/pull declares " + h.nodes() + " node states; allowed 0.." + Codec.MAX_PUSH_PULL_NODES);
    }
    if (h.userStateLen() < 0 || h.userStateLen() > Codec.MAX_USER_STATE_BYTES) {
      throw new WireFormatException(
          "push/pull declares " + h.userStateLen() + " bytes of user state; allowed 0.."
              + Codec.MAX_USER_STATE_BYTES);
    }
  }

  /** Reads one node state, or returns null if its State is not 0..3 (Go's merge ignores those). */
  static PushNodeState readNodeState(MsgpackReader r) {
    String name = "";
    byte[] addr = null;
    int port = 0;
    byte[] meta = null;
    int incarnation = 0;
    long state = 0;
    byte[] vsn = null;
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      int f = array ? (i < NODE_STATE.length ? i : -1) : r.readFieldIndex(NODE_STATE);
      switch (f) {
        case 0 -> name = r.readStringField();
        case 1 -> addr = r.readBytesField();
        case 2 -> port = (int) r.readUintField(16);
        case 3 -> meta = r.readBytesField();
        case 4 -> incarnation = (int) r.readUintField(32);
        case 5 -> state = r.readIntField();
        case 6 -> vsn = r.readBytesField();
        default -> r.skipValue();
      }
    }
    if (state < 0 || state > NodeStateType.LEFT.wireValue()) {
      return null;
    }
    return new PushNodeState(
        name, addr, port, meta, incarnation, NodeStateType.fromWireValue(state), vsn);
  }

  static PushPull decode(byte[] buf, int off, int len) {
    if (len < 1) {
      throw new WireFormatException("empty push/pull: missing the type byte");
    }
    if ((buf[off] & 0xFF) != MessageType.PUSH_PULL.code()) {
      throw new WireFormatException(
          "expected push/pull type byte 6, got " + (buf[off] & 0xFF));
    }
    MsgpackReader r = new MsgpackReader(buf, off + 1, len - 1);
    Header h = readHeader(r);
    checkHeader(h);
    if (h.nodes() > r.remaining()) {
      throw new WireFormatException(
          "push/pull declares " + h.nodes() + " node states but only " + r.remaining()
              + " bytes follow the header");
    }
    List<PushNodeState> nodes = new ArrayList<>((int) h.nodes());
    for (long i = 0; i < h.nodes(); i++) {
      PushNodeState s = readNodeState(r);
      if (s != null) {
        nodes.add(s);
      }
    }
    int userLen = (int) h.userStateLen();
    if (userLen > r.remaining()) {
      throw new WireFormatException(
          "push/pull declares " + userLen + " bytes of user state but only " + r.remaining()
              + " remain");
    }
    int start = r.position();
    byte[] user = Arrays.copyOfRange(buf, start, start + userLen);
    return new PushPull(h.join(), nodes, user);
  }

  /** Encodes a stream user message: {@code 08} + {@code userMsgHeader{UserMsgLen}} + payload. */
  static byte[] encodeStreamUserMsg(byte[] payload) {
    MsgpackWriter w = new MsgpackWriter(payload.length + 24);
    w.rawByte(MessageType.USER.code());
    w.mapHeader(1);
    w.key(Keys.USER_MSG_LEN);
    w.sint(payload.length);
    w.rawBytes(payload, 0, payload.length);
    return w.toByteArray();
  }

  /** Reads a {@code userMsgHeader} and returns UserMsgLen. */
  static long readUserMsgHeader(MsgpackReader r) {
    long len = 0;
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      int f = array ? (i < 1 ? 0 : -1) : r.readFieldIndex(USER_MSG_HEADER);
      if (f == 0) {
        len = r.readIntField();
      } else {
        r.skipValue();
      }
    }
    return len;
  }

  static byte[] decodeStreamUserMsg(byte[] buf, int off, int len) {
    if (len < 1 || (buf[off] & 0xFF) != MessageType.USER.code()) {
      throw new WireFormatException("expected a stream user message (type byte 8)");
    }
    MsgpackReader r = new MsgpackReader(buf, off + 1, len - 1);
    long n = readUserMsgHeader(r);
    if (n < 0 || n > Codec.MAX_USER_STATE_BYTES) {
      throw new WireFormatException(
          "stream user message declares " + n + " bytes; allowed 0.." + Codec.MAX_USER_STATE_BYTES);
    }
    if (n > r.remaining()) {
      throw new WireFormatException(
          "stream user message declares " + n + " bytes but only " + r.remaining() + " remain");
    }
    int start = r.position();
    return Arrays.copyOfRange(buf, start, start + (int) n);
  }
}
