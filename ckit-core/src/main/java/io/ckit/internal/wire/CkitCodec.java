/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import io.ckit.peer.State;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes ckit's own payloads: the State broadcast ({@code 12 01 01} + msgpack
 * {@code messages.State}) and the push/pull user state (msgpack {@code localState}). Go ckit encodes
 * these with go-msgpack v0.5.5 at the pinned revision and v2.1.5 later; both write identical bytes
 * for these all-unsigned structs. Stateless and thread-safe.
 */
final class CkitCodec {
  /** ckit's magic header {@code 0x1201}. */
  static final int MAGIC = 0x1201;

  /** ckit's message type for State broadcasts. */
  static final int TYPE_STATE = 1;

  private static final byte[][] STATE = MsgpackReader.fieldNames("NodeName", "NewState", "Time");
  private static final byte[][] LOCAL_STATE =
      MsgpackReader.fieldNames("CurrentTime", "NodeStates");

  private CkitCodec() {}

  private static void writeState(StateMessage s, MsgpackWriter w) {
    w.mapHeader(3);
    w.key(Keys.NEW_STATE);
    w.uint(s.newState().wireValue());
    w.key(Keys.NODE_NAME);
    w.string(s.nodeName());
    w.key(Keys.TIME);
    w.uint(s.time());
  }

  static byte[] encodeState(StateMessage s) {
    MsgpackWriter w = new MsgpackWriter(40 + s.nodeName().length());
    w.rawUint16(MAGIC);
    w.rawByte(TYPE_STATE);
    writeState(s, w);
    return w.toByteArray();
  }

  static StateMessage decodeState(byte[] buf, int off, int len) {
    if (len < 3) {
      throw new WireFormatException("ckit message of " + len + " bytes is shorter than its header");
    }
    int magic = ((buf[off] & 0xFF) << 8) | (buf[off + 1] & 0xFF);
    if (magic != MAGIC) {
      throw new WireFormatException(String.format("invalid ckit magic header %04x", magic));
    }
    int type = buf[off + 2] & 0xFF;
    if (type != TYPE_STATE) {
      throw new WireFormatException("invalid ckit message type " + type);
    }
    return readState(new MsgpackReader(buf, off + 3, len - 3));
  }

  private static StateMessage readState(MsgpackReader r) {
    String nodeName = "";
    long newState = 0;
    long time = 0;
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      int f = array ? (i < STATE.length ? i : -1) : r.readFieldIndex(STATE);
      switch (f) {
        case 0 -> nodeName = r.readStringField();
        case 1 -> newState = r.readUintField(64);
        case 2 -> time = r.readUintField(64);
        default -> r.skipValue();
      }
    }
    if (newState < 0 || newState > State.TERMINATING.wireValue()) {
      throw new WireFormatException(
          "unknown peer state " + Long.toUnsignedString(newState) + " for node " + nodeName);
    }
    return new StateMessage(nodeName, State.fromWireValue(newState), time);
  }

  static byte[] encodeLocalState(LocalState ls) {
    MsgpackWriter w = new MsgpackWriter(32 + 48 * ls.nodeStates().size());
    w.mapHeader(2);
    w.key(Keys.CURRENT_TIME);
    w.uint(ls.currentTime());
    w.key(Keys.NODE_STATES);
    w.arrayHeader(ls.nodeStates().size());
    for (StateMessage s : ls.nodeStates()) {
      writeState(s, w);
    }
    return w.toByteArray();
  }

  static LocalState decodeLocalState(byte[] buf, int off, int len) {
    MsgpackReader r = new MsgpackReader(buf, off, len);
    long currentTime = 0;
    List<StateMessage> states = new ArrayList<>();
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      int f = array ? (i < LOCAL_STATE.length ? i : -1) : r.readFieldIndex(LOCAL_STATE);
      switch (f) {
        case 0 -> currentTime = r.readUintField(64);
        case 1 -> {
          int count = r.readArrayHeaderOrNil();
          states = new ArrayList<>(Math.max(count, 0));
          for (int j = 0; j < count; j++) {
            states.add(readState(r));
          }
        }
        default -> r.skipValue();
      }
    }
    return new LocalState(currentTime, states);
  }
}
