/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.Arrays;

/**
 * Encodes and decodes memberlist's single packet messages (types 0-5, 8, 11, 13). Writers emit
 * fields in go-msgpack's sorted key order; readers take Go's declaration order for the array form.
 * Stateless and thread-safe.
 */
final class MessageCodec {
  private static final byte[][] PING =
      MsgpackReader.fieldNames("SeqNo", "Node", "SourceAddr", "SourcePort", "SourceNode");
  private static final byte[][] INDIRECT_PING =
      MsgpackReader.fieldNames(
          "SeqNo", "Target", "Port", "Node", "Nack", "SourceAddr", "SourcePort", "SourceNode");
  private static final byte[][] ACK_RESP = MsgpackReader.fieldNames("SeqNo", "Payload");
  private static final byte[][] NACK_RESP = MsgpackReader.fieldNames("SeqNo");
  private static final byte[][] ERR_RESP = MsgpackReader.fieldNames("Error");
  private static final byte[][] SUSPECT_OR_DEAD =
      MsgpackReader.fieldNames("Incarnation", "Node", "From");
  private static final byte[][] ALIVE =
      MsgpackReader.fieldNames("Incarnation", "Node", "Addr", "Port", "Meta", "Vsn");

  private MessageCodec() {}

  /** Writes the message's type byte and body. */
  static void write(Message message, MsgpackWriter w) {
    w.rawByte(message.type().code());
    if (message instanceof Ping p) {
      writePing(p, w);
    } else if (message instanceof IndirectPingReq p) {
      writeIndirectPing(p, w);
    } else if (message instanceof AckResp a) {
      w.mapHeader(2);
      w.key(Keys.PAYLOAD);
      w.bytes(a.payload());
      w.key(Keys.SEQ_NO);
      w.uint32(a.seqNo());
    } else if (message instanceof NackResp n) {
      w.mapHeader(1);
      w.key(Keys.SEQ_NO);
      w.uint32(n.seqNo());
    } else if (message instanceof ErrResp e) {
      w.mapHeader(1);
      w.key(Keys.ERROR);
      w.string(e.error());
    } else if (message instanceof Suspect s) {
      writeSuspectOrDead(s.incarnation(), s.node(), s.from(), w);
    } else if (message instanceof Dead d) {
      writeSuspectOrDead(d.incarnation(), d.node(), d.from(), w);
    } else if (message instanceof Alive a) {
      writeAlive(a, w);
    } else if (message instanceof UserMsg u) {
      w.rawBytes(u.payload(), 0, u.payload().length);
    } else {
      throw new IllegalArgumentException("unknown message class " + message.getClass());
    }
  }

  private static boolean isEmpty(byte[] b) {
    return b == null || b.length == 0;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  static int checkPort(int port) {
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port " + port + " is not a uint16");
    }
    return port;
  }

  private static void writePing(Ping p, MsgpackWriter w) {
    checkPort(p.sourcePort());
    boolean addr = !isEmpty(p.sourceAddr());
    boolean node = !isEmpty(p.sourceNode());
    boolean port = p.sourcePort() != 0;
    w.mapHeader(2 + (addr ? 1 : 0) + (node ? 1 : 0) + (port ? 1 : 0));
    w.key(Keys.NODE);
    w.string(p.node());
    w.key(Keys.SEQ_NO);
    w.uint32(p.seqNo());
    writeSource(p.sourceAddr(), p.sourceNode(), p.sourcePort(), w);
  }

  private static void writeSource(byte[] addr, String node, int port, MsgpackWriter w) {
    if (!isEmpty(addr)) {
      w.key(Keys.SOURCE_ADDR);
      w.bytes(addr);
    }
    if (!isEmpty(node)) {
      w.key(Keys.SOURCE_NODE);
      w.string(node);
    }
    if (port != 0) {
      w.key(Keys.SOURCE_PORT);
      w.uint(port);
    }
  }

  private static void writeIndirectPing(IndirectPingReq p, MsgpackWriter w) {
    checkPort(p.port());
    checkPort(p.sourcePort());
    boolean addr = !isEmpty(p.sourceAddr());
    boolean node = !isEmpty(p.sourceNode());
    boolean port = p.sourcePort() != 0;
    w.mapHeader(5 + (addr ? 1 : 0) + (node ? 1 : 0) + (port ? 1 : 0));
    w.key(Keys.NACK);
    w.bool(p.nack());
    w.key(Keys.NODE);
    w.string(p.node());
    w.key(Keys.PORT);
    w.uint(p.port());
    w.key(Keys.SEQ_NO);
    w.uint32(p.seqNo());
    writeSource(p.sourceAddr(), p.sourceNode(), p.sourcePort(), w);
    w.key(Keys.TARGET);
    w.bytes(p.target());
  }

  private static void writeSuspectOrDead(int incarnation, String node, String from,
      MsgpackWriter w) {
    w.mapHeader(3);
    w.key(Keys.FROM);
    w.string(from);
    w.key(Keys.INCARNATION);
    w.uint32(incarnation);
    w.key(Keys.NODE);
    w.string(node);
  }

  private static void writeAlive(Alive a, MsgpackWriter w) {
    checkPort(a.port());
    w.mapHeader(6);
    w.key(Keys.ADDR);
    w.bytes(a.addr());
    w.key(Keys.INCARNATION);
    w.uint32(a.incarnation());
    w.key(Keys.META);
    w.bytes(a.meta());
    w.key(Keys.NODE);
    w.string(a.node());
    w.key(Keys.PORT);
    w.uint(a.port());
    w.key(Keys.VSN);
    w.bytes(a.vsn());
  }

  /** Decodes one single message; see {@link Codec#decode}. */
  static Message read(byte[] buf, int off, int len) {
    if (len < 1) {
      throw new WireFormatException("empty message: missing the type byte");
    }
    int code = buf[off] & 0xFF;
    MessageType type = MessageType.fromCode(code);
    if (type == MessageType.USER) {
      return new UserMsg(Arrays.copyOfRange(buf, off + 1, off + len));
    }
    MsgpackReader r = new MsgpackReader(buf, off + 1, len - 1);
    if (type == null) {
      throw new WireFormatException("unknown message type " + code);
    }
    return switch (type) {
      case PING -> readPing(r);
      case INDIRECT_PING -> readIndirectPing(r);
      case ACK_RESP -> readAck(r);
      case NACK_RESP -> readNack(r);
      case ERR -> readErr(r);
      case SUSPECT -> readSuspect(r);
      case ALIVE -> readAlive(r);
      case DEAD -> readDead(r);
      default -> throw new WireFormatException(
          "message type " + code + " (" + type + ") is not a single packet message");
    };
  }

  private static int fieldIndex(MsgpackReader r, byte[][] fields, boolean array, int i) {
    if (array) {
      return i < fields.length ? i : -1;
    }
    return r.readFieldIndex(fields);
  }

  private static Ping readPing(MsgpackReader r) {
    int seqNo = 0;
    String node = "";
    byte[] sourceAddr = null;
    int sourcePort = 0;
    String sourceNode = "";
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      switch (fieldIndex(r, PING, array, i)) {
        case 0 -> seqNo = (int) r.readUintField(32);
        case 1 -> node = r.readStringField();
        case 2 -> sourceAddr = r.readBytesField();
        case 3 -> sourcePort = (int) r.readUintField(16);
        case 4 -> sourceNode = r.readStringField();
        default -> r.skipValue();
      }
    }
    return new Ping(seqNo, node, sourceAddr, sourcePort, sourceNode);
  }

  private static IndirectPingReq readIndirectPing(MsgpackReader r) {
    int seqNo = 0;
    byte[] target = null;
    int port = 0;
    String node = "";
    boolean nack = false;
    byte[] sourceAddr = null;
    int sourcePort = 0;
    String sourceNode = "";
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      switch (fieldIndex(r, INDIRECT_PING, array, i)) {
        case 0 -> seqNo = (int) r.readUintField(32);
        case 1 -> target = r.readBytesField();
        case 2 -> port = (int) r.readUintField(16);
        case 3 -> node = r.readStringField();
        case 4 -> nack = r.readBoolField();
        case 5 -> sourceAddr = r.readBytesField();
        case 6 -> sourcePort = (int) r.readUintField(16);
        case 7 -> sourceNode = r.readStringField();
        default -> r.skipValue();
      }
    }
    return new IndirectPingReq(seqNo, target, port, node, nack, sourceAddr, sourcePort, sourceNode);
  }

  private static AckResp readAck(MsgpackReader r) {
    int seqNo = 0;
    byte[] payload = null;
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      switch (fieldIndex(r, ACK_RESP, array, i)) {
        case 0 -> seqNo = (int) r.readUintField(32);
        case 1 -> payload = r.readBytesField();
        default -> r.skipValue();
      }
    }
    return new AckResp(seqNo, payload);
  }

  private static NackResp readNack(MsgpackReader r) {
    int seqNo = 0;
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      if (fieldIndex(r, NACK_RESP, array, i) == 0) {
        seqNo = (int) r.readUintField(32);
      } else {
        r.skipValue();
      }
    }
    return new NackResp(seqNo);
  }

  private static ErrResp readErr(MsgpackReader r) {
    String error = "";
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      if (fieldIndex(r, ERR_RESP, array, i) == 0) {
        error = r.readStringField();
      } else {
        r.skipValue();
      }
    }
    return new ErrResp(error);
  }

  /** The three fields shared by suspect and dead, in declaration order. */
  private record IncNodeFrom(int incarnation, String node, String from) {}

  private static IncNodeFrom readIncNodeFrom(MsgpackReader r) {
    int incarnation = 0;
    String node = "";
    String from = "";
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      switch (fieldIndex(r, SUSPECT_OR_DEAD, array, i)) {
        case 0 -> incarnation = (int) r.readUintField(32);
        case 1 -> node = r.readStringField();
        case 2 -> from = r.readStringField();
        default -> r.skipValue();
      }
    }
    return new IncNodeFrom(incarnation, node, from);
  }

  private static Suspect readSuspect(MsgpackReader r) {
    IncNodeFrom f = readIncNodeFrom(r);
    return new Suspect(f.incarnation(), f.node(), f.from());
  }

  private static Dead readDead(MsgpackReader r) {
    IncNodeFrom f = readIncNodeFrom(r);
    return new Dead(f.incarnation(), f.node(), f.from());
  }

  private static Alive readAlive(MsgpackReader r) {
    int incarnation = 0;
    String node = "";
    byte[] addr = null;
    int port = 0;
    byte[] meta = null;
    byte[] vsn = null;
    int n = r.readStructHeader();
    boolean array = r.lastStructWasArray();
    for (int i = 0; i < n; i++) {
      switch (fieldIndex(r, ALIVE, array, i)) {
        case 0 -> incarnation = (int) r.readUintField(32);
        case 1 -> node = r.readStringField();
        case 2 -> addr = r.readBytesField();
        case 3 -> port = (int) r.readUintField(16);
        case 4 -> meta = r.readBytesField();
        case 5 -> vsn = r.readBytesField();
        default -> r.skipValue();
      }
    }
    return new Alive(incarnation, node, addr, port, meta, vsn);
  }
}
