/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.MessageType;
import io.ckit.internal.wire.PacketContents;
import io.ckit.internal.wire.WireFormatException;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one node put on and took off the simulated wire, counted as gossiphttp would carry it: each
 * packet is one frame on a {@code /message} POST, each stream write one frame on a {@code /stream}
 * POST; byte counts are frame payloads plus the 3-byte ({@code 0xCC}) or 5-byte ({@code 0xCD})
 * frame headers. HTTP/2 framing, HTTP headers and TLS are not counted.
 *
 * <p>Optionally classifies sent packets by their first inner message (ping, indirect ping, ack,
 * nack, or gossip), which costs a decode per packet.
 */
public final class TrafficStats {
  /** What a sent packet was, by its first inner message. */
  public enum Kind {
    /** A probe ping (possibly with piggy-backed gossip or a suspect). */
    PING,
    /** An indirect ping request. */
    INDIRECT_PING,
    /** An ack. */
    ACK,
    /** A nack. */
    NACK,
    /** A gossip packet (alive, suspect, dead or user messages only). */
    GOSSIP,
    /** Anything else. */
    OTHER
  }

  long packetsSent;
  long packetBytesSent;
  long packetsReceived;
  long packetBytesReceived;
  long packetsDropped;
  long streamsDialed;
  long streamsAccepted;
  long streamFramesSent;
  long streamBytesSent;
  long streamBytesReceived;
  long piggybackedMessages;
  final Map<Kind, long[]> byKind = new EnumMap<>(Kind.class);

  /** Returns the frame header size gossiphttp uses for a payload of this length. */
  static int frameHeader(int payloadLength) {
    return payloadLength <= 0xFFFF ? 3 : 5;
  }

  void packetSent(byte[] packet, boolean classify) {
    packetsSent++;
    int bytes = packet.length + frameHeader(packet.length);
    packetBytesSent += bytes;
    if (classify) {
      Kind kind = Kind.OTHER;
      try {
        PacketContents contents = Codec.unpackPacket(packet, 0, packet.length);
        if (!contents.messages().isEmpty()) {
          kind = kindOf(contents.messages().get(0));
          piggybackedMessages += contents.messages().size() - (kind == Kind.GOSSIP ? 0 : 1);
        }
      } catch (WireFormatException e) {
        kind = Kind.OTHER;
      }
      long[] counts = byKind.computeIfAbsent(kind, k -> new long[2]);
      counts[0]++;
      counts[1] += bytes;
    }
  }

  private static Kind kindOf(Message first) {
    MessageType type = first.type();
    switch (type) {
      case PING:
        return Kind.PING;
      case INDIRECT_PING:
        return Kind.INDIRECT_PING;
      case ACK_RESP:
        return Kind.ACK;
      case NACK_RESP:
        return Kind.NACK;
      case ALIVE:
      case SUSPECT:
      case DEAD:
      case USER:
        return Kind.GOSSIP;
      default:
        return Kind.OTHER;
    }
  }

  void streamWrite(byte[] payload) {
    streamFramesSent++;
    streamBytesSent += payload.length + frameHeader(payload.length);
  }

  /** Returns a copy of the current counts. */
  public TrafficStats snapshot() {
    TrafficStats copy = new TrafficStats();
    copy.add(this);
    return copy;
  }

  /** Returns these counts minus an earlier snapshot's. */
  public TrafficStats minus(TrafficStats earlier) {
    TrafficStats diff = snapshot();
    diff.packetsSent -= earlier.packetsSent;
    diff.packetBytesSent -= earlier.packetBytesSent;
    diff.packetsReceived -= earlier.packetsReceived;
    diff.packetBytesReceived -= earlier.packetBytesReceived;
    diff.packetsDropped -= earlier.packetsDropped;
    diff.streamsDialed -= earlier.streamsDialed;
    diff.streamsAccepted -= earlier.streamsAccepted;
    diff.streamFramesSent -= earlier.streamFramesSent;
    diff.streamBytesSent -= earlier.streamBytesSent;
    diff.streamBytesReceived -= earlier.streamBytesReceived;
    diff.piggybackedMessages -= earlier.piggybackedMessages;
    earlier.byKind.forEach(
        (k, v) -> {
          long[] mine = diff.byKind.computeIfAbsent(k, x -> new long[2]);
          mine[0] -= v[0];
          mine[1] -= v[1];
        });
    return diff;
  }

  /** Adds another node's counts to this one. */
  public void add(TrafficStats other) {
    packetsSent += other.packetsSent;
    packetBytesSent += other.packetBytesSent;
    packetsReceived += other.packetsReceived;
    packetBytesReceived += other.packetBytesReceived;
    packetsDropped += other.packetsDropped;
    streamsDialed += other.streamsDialed;
    streamsAccepted += other.streamsAccepted;
    streamFramesSent += other.streamFramesSent;
    streamBytesSent += other.streamBytesSent;
    streamBytesReceived += other.streamBytesReceived;
    piggybackedMessages += other.piggybackedMessages;
    other.byKind.forEach(
        (k, v) -> {
          long[] mine = byKind.computeIfAbsent(k, x -> new long[2]);
          mine[0] += v[0];
          mine[1] += v[1];
        });
  }

  /** Returns packets sent (one frame, one {@code /message} POST each). */
  public long packetsSent() {
    return packetsSent;
  }

  /** Returns bytes of packets sent, frame headers included. */
  public long packetBytesSent() {
    return packetBytesSent;
  }

  /** Returns packets delivered to this node. */
  public long packetsReceived() {
    return packetsReceived;
  }

  /** Returns streams this node dialed (one {@code /stream} POST each). */
  public long streamsDialed() {
    return streamsDialed;
  }

  /** Returns streams this node accepted. */
  public long streamsAccepted() {
    return streamsAccepted;
  }

  /** Returns stream frames written (dialed and accepted streams). */
  public long streamFramesSent() {
    return streamFramesSent;
  }

  /** Returns bytes written on streams (dialed and accepted), frame headers included. */
  public long streamBytesSent() {
    return streamBytesSent;
  }

  /** Returns every byte this node sent, frame headers included. */
  public long bytesSent() {
    return packetBytesSent + streamBytesSent;
  }

  /** Returns every frame this node sent. */
  public long framesSent() {
    return packetsSent + streamFramesSent;
  }

  /** Returns messages piggy-backed on pings, acks and indirect pings, plus gossip messages. */
  public long piggybackedMessages() {
    return piggybackedMessages;
  }

  /** Returns {count, bytes} of sent packets of a kind (only when classification was on). */
  public long[] byKind(Kind kind) {
    long[] v = byKind.get(kind);
    return v == null ? new long[2] : v.clone();
  }
}
