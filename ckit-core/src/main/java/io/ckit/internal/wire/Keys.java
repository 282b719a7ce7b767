/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * The msgpack encodings (raw-string header and bytes) of every Go struct field name the codec
 * writes, computed once. Immutable after class initialisation; never mutate the arrays.
 */
final class Keys {
  static final byte[] ADDR = MsgpackWriter.key("Addr");
  static final byte[] ALGO = MsgpackWriter.key("Algo");
  static final byte[] BUF = MsgpackWriter.key("Buf");
  static final byte[] CURRENT_TIME = MsgpackWriter.key("CurrentTime");
  static final byte[] ERROR = MsgpackWriter.key("Error");
  static final byte[] FROM = MsgpackWriter.key("From");
  static final byte[] INCARNATION = MsgpackWriter.key("Incarnation");
  static final byte[] JOIN = MsgpackWriter.key("Join");
  static final byte[] META = MsgpackWriter.key("Meta");
  static final byte[] NACK = MsgpackWriter.key("Nack");
  static final byte[] NAME = MsgpackWriter.key("Name");
  static final byte[] NEW_STATE = MsgpackWriter.key("NewState");
  static final byte[] NODE = MsgpackWriter.key("Node");
  static final byte[] NODE_NAME = MsgpackWriter.key("NodeName");
  static final byte[] NODE_STATES = MsgpackWriter.key("NodeStates");
  static final byte[] NODES = MsgpackWriter.key("Nodes");
  static final byte[] PAYLOAD = MsgpackWriter.key("Payload");
  static final byte[] PORT = MsgpackWriter.key("Port");
  static final byte[] SEQ_NO = MsgpackWriter.key("SeqNo");
  static final byte[] SOURCE_ADDR = MsgpackWriter.key("SourceAddr");
  static final byte[] SOURCE_NODE = MsgpackWriter.key("SourceNode");
  static final byte[] SOURCE_PORT = MsgpackWriter.key("SourcePort");
  static final byte[] STATE = MsgpackWriter.key("State");
  static final byte[] TARGET = MsgpackWriter.key("Target");
  static final byte[] TIME = MsgpackWriter.key("Time");
  static final byte[] USER_MSG_LEN = MsgpackWriter.key("UserMsgLen");
  static final byte[] USER_STATE_LEN = MsgpackWriter.key("UserStateLen");
  static final byte[] VSN = MsgpackWriter.key("Vsn");

  private Keys() {}
}
