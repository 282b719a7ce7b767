/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.log.NodeLog;
import org.slf4j.event.Level;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.MessageType;
import io.ckit.internal.wire.PushPull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Assembles and sends outgoing packets in memberlist's order (wire spec §4.8): piggy-back queued
 * broadcasts on a message ({@code sendMsg}), compress if smaller, add a CRC for destinations known
 * to speak protocol 5, prefix the label ({@code rawSendMsgPacket}); and prepares stream messages
 * (always compressed when compression is on).
 *
 * <p>Confined to the membership loop.
 */
final class PacketSender {

  /** memberlist's {@code compoundHeaderOverhead}. */
  static final int COMPOUND_HEADER_OVERHEAD = 2;
  /** memberlist's {@code compoundOverhead}, per part. */
  static final int COMPOUND_OVERHEAD = 2;
  /** memberlist's {@code userMsgOverhead}. */
  static final int USER_MSG_OVERHEAD = 1;

  private static final int MAX_COMPOUND_PARTS = 255;
  private static final int MAX_COMPOUND_PART_BYTES = 65535;

  private final SwimConfig config;
  private final Network network;
  private final TransmitLimitedQueue broadcasts;
  private final SwimDelegate delegate;
  private final NodeTable nodes;
  private final SwimCounters counters;
  private final NodeLog log;
  private final int labelOverhead;
  private byte[] lastPlain;
  private byte[] lastCompressed;

  PacketSender(
      SwimConfig config,
      Network network,
      TransmitLimitedQueue broadcasts,
      SwimDelegate delegate,
      NodeTable nodes,
      SwimCounters counters,
      NodeLog log) {
    this.config = config;
    this.network = network;
    this.broadcasts = broadcasts;
    this.delegate = delegate;
    this.nodes = nodes;
    this.counters = counters;
    this.log = log;
    this.labelOverhead = config.labelOverhead();
  }

  /** Encodes a message and sends it with piggy-backed broadcasts (memberlist's {@code encodeAndSendMsg}). */
  void sendMsg(String address, Message message) {
    sendMsg(address, Codec.encode(message));
  }

  /**
   * Sends an encoded message, piggy-backing as many queued broadcasts as fit the packet budget
   * (memberlist's {@code sendMsg}). Go builds one compound however many parts there are; past 255
   * parts its count byte would wrap, so here the parts are split over several compounds instead.
   */
  void sendMsg(String address, byte[] message) {
    int bytesAvail =
        config.udpBufferSize() - message.length - COMPOUND_HEADER_OVERHEAD - labelOverhead;
    List<byte[]> extra = getBroadcasts(COMPOUND_OVERHEAD, bytesAvail);
    if (extra.isEmpty()) {
      rawSend(address, null, message);
      return;
    }
    List<byte[]> parts = new ArrayList<>(1 + extra.size());
    parts.add(message);
    parts.addAll(extra);
    sendCompounds(address, null, parts);
  }

  /**
   * Takes broadcasts for one packet: memberlist's own first, then, if more than {@code overhead +
   * 1} bytes remain, the delegate's, each wrapped as a user message (memberlist's {@code
   * getBroadcasts}).
   */
  List<byte[]> getBroadcasts(int overhead, int limit) {
    List<byte[]> toSend = broadcasts.getBroadcasts(overhead, limit);
    int bytesUsed = 0;
    for (byte[] msg : toSend) {
      bytesUsed += msg.length + overhead;
    }
    int avail = limit - bytesUsed;
    if (avail > overhead + USER_MSG_OVERHEAD) {
      List<byte[]> userMsgs = delegate.getBroadcasts(overhead + USER_MSG_OVERHEAD, avail);
      if (userMsgs != null && !userMsgs.isEmpty()) {
        List<byte[]> all = new ArrayList<>(toSend.size() + userMsgs.size());
        all.addAll(toSend);
        for (byte[] msg : userMsgs) {
          byte[] framed = new byte[msg.length + 1];
          framed[0] = (byte) MessageType.USER.code();
          System.arraycopy(msg, 0, framed, 1, msg.length);
          all.add(framed);
        }
        return all;
      }
    }
    return toSend;
  }

  /** Returns true if {@link #getBroadcasts} may return something: either queue holds broadcasts. */
  boolean hasBroadcasts() {
    return broadcasts.numQueued() > 0 || delegate.hasBroadcasts();
  }

  /**
   * Sends messages as compounds of at most 255 parts (memberlist's {@code makeCompoundMessages}); a
   * part over 65535 bytes, which a compound cannot carry, goes alone.
   */
  void sendCompounds(String address, NodeState node, List<byte[]> parts) {
    List<byte[]> batch = new ArrayList<>(Math.min(parts.size(), MAX_COMPOUND_PARTS));
    for (byte[] part : parts) {
      if (part.length > MAX_COMPOUND_PART_BYTES) {
        rawSend(address, node, part);
        continue;
      }
      batch.add(part);
      if (batch.size() == MAX_COMPOUND_PARTS) {
        rawSend(address, node, Codec.compound(batch));
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      rawSend(address, node, Codec.compound(batch));
    }
  }

  /**
   * Sends a packet as memberlist's {@code rawSendMsgPacket}: compress if smaller; CRC if the
   * destination node is known and speaks protocol 5 or later; label; send. When {@code node} is
   * null the node is looked up by the address's host part in the name-keyed table, exactly as Go
   * does, so only nodes named like their IP are found.
   */
  void rawSend(String address, NodeState node, byte[] message) {
    byte[] msg = message;
    if (config.enableCompression()) {
      byte[] compressed = compress(msg);
      if (compressed.length < msg.length) {
        msg = compressed;
      }
    }
    NodeState destination = node;
    if (destination == null) {
      String host = Addresses.host(address);
      if (host == null) {
        log.remote(Level.ERROR, "bad-member-address", "Failed to parse address {}", address);
        return;
      }
      destination = nodes.get(host);
    }
    if (destination != null && destination.pMax >= 5) {
      msg = Codec.addCrc(msg);
    }
    msg = Codec.addLabel(msg, config.label());
    counters.increment(SwimCounter.PACKETS_SENT);
    counters.add(SwimCounter.PACKET_BYTES_SENT, msg.length);
    network.sendPacket(address, msg);
  }

  /**
   * Compresses, reusing the previous result when the input is byte-for-byte the same: a gossip
   * round sends the same broadcasts to each of its targets, and LZW is deterministic, so this only
   * saves work.
   */
  private byte[] compress(byte[] plain) {
    if (lastPlain != null && (plain == lastPlain || Arrays.equals(plain, lastPlain))) {
      return lastCompressed;
    }
    byte[] compressed = Codec.compress(plain);
    lastPlain = plain;
    lastCompressed = compressed;
    return compressed;
  }

  /** Prepares a stream message: compressed when compression is on (memberlist's {@code rawSendMsgStream}). */
  byte[] streamMessage(byte[] plain) {
    byte[] out = config.enableCompression() ? Codec.compress(plain) : plain;
    counters.add(SwimCounter.STREAM_BYTES_SENT, out.length);
    return out;
  }

  /**
   * Prepares a push/pull stream message: {@link #streamMessage} of the encoded push/pull, without
   * an intermediate copy of the plain body when compressing.
   */
  byte[] streamPushPull(PushPull pushPull) {
    byte[] out = config.enableCompression()
        ? Codec.encodePushPullCompressed(pushPull)
        : Codec.encodePushPull(pushPull);
    counters.add(SwimCounter.STREAM_BYTES_SENT, out.length);
    return out;
  }

  /** Returns the label header a dialer writes first on a stream, or null without a label. */
  byte[] streamLabelHeader() {
    if (config.label().isEmpty()) {
      return null;
    }
    byte[] header = Codec.addLabel(new byte[0], config.label());
    counters.add(SwimCounter.STREAM_BYTES_SENT, header.length);
    return header;
  }
}
