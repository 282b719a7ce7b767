/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.log.NodeLog;
import org.slf4j.event.Level;
import io.ckit.internal.wire.AckResp;
import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.CompoundLayout;
import io.ckit.internal.wire.Dead;
import io.ckit.internal.wire.IndirectPingReq;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.MessageType;
import io.ckit.internal.wire.NackResp;
import io.ckit.internal.wire.Ping;
import io.ckit.internal.wire.Suspect;
import io.ckit.internal.wire.UserMsg;
import io.ckit.internal.wire.WireFormatException;

/**
 * Processes incoming packets in memberlist's order (wire spec §4.9; Go's {@code ingestPacket},
 * {@code handleCommand}, {@code packetHandler}): label check, CRC check, then per message type —
 * compound and compress recurse; ping, indirect ping, ack and nack are handled at once; alive,
 * suspect, dead and user messages go through the {@link HandoffQueue} and are handled when the batch
 * is drained, newest first, alive first.
 *
 * <p>Confined to the membership loop.
 */
final class PacketHandler {

  /** Nesting limit for compound and compress envelopes (Go recurses without a limit). */
  private static final int MAX_NESTING = 8;

  private final SwimConfig config;
  private final Membership membership;
  private final Prober prober;
  private final AckHandlers acks;
  private final SwimDelegate delegate;
  private final SwimCounters counters;
  private final NodeLog log;
  private final HandoffQueue handoff;

  PacketHandler(
      SwimConfig config,
      Membership membership,
      Prober prober,
      AckHandlers acks,
      SwimDelegate delegate,
      SwimCounters counters,
      NodeLog log) {
    this.config = config;
    this.membership = membership;
    this.prober = prober;
    this.acks = acks;
    this.delegate = delegate;
    this.counters = counters;
    this.log = log;
    this.handoff = new HandoffQueue(config.handoffQueueDepth());
  }

  /** Processes one packet up to the hand-off queues (memberlist's {@code ingestPacket}). */
  void ingest(String from, byte[] buf, long nowNanos) {
    counters.increment(SwimCounter.PACKETS_RECEIVED);
    counters.add(SwimCounter.PACKET_BYTES_RECEIVED, buf.length);
    int off = 0;
    String label = "";
    if (buf.length > 0 && (buf[0] & 0xFF) == MessageType.HAS_LABEL.code()) {
      try {
        Codec.Labelled labelled = Codec.stripLabel(buf, 0, buf.length);
        label = labelled.label();
        off = labelled.offset();
      } catch (WireFormatException e) {
        counters.increment(SwimCounter.DROPPED_MALFORMED);
        log.remote(Level.ERROR, "packet-label-header", "{} from {}", e.getMessage(), from);
        return;
      }
    }
    if (!config.label().equals(label)) {
      counters.increment(SwimCounter.DROPPED_LABEL_MISMATCH);
      log.remote(Level.ERROR, "packet-label", "discarding packet with unacceptable label \"{}\" from {}", label, from);
      return;
    }
    int len = buf.length - off;
    try {
      int inner = Codec.stripCrc(buf, off, len);
      len -= inner - off;
      off = inner;
    } catch (WireFormatException e) {
      counters.increment(SwimCounter.DROPPED_CRC_MISMATCH);
      log.remote(Level.WARN, "packet-checksum", "Got invalid checksum for packet from {}: {}", from, e.getMessage());
      return;
    }
    handleCommand(buf, off, len, from, nowNanos, 0);
  }

  private void handleCommand(byte[] buf, int off, int len, String from, long nowNanos, int depth) {
    if (len < 1) {
      counters.increment(SwimCounter.DROPPED_MALFORMED);
      log.remote(Level.ERROR, "packet-empty", "missing message type byte from {}", from);
      return;
    }
    MessageType type = MessageType.fromCode(buf[off]);
    if (type == null) {
      unknown(buf[off] & 0xFF, from);
      return;
    }
    try {
      switch (type) {
        case COMPOUND:
          handleCompound(buf, off, len, from, nowNanos, depth);
          break;
        case COMPRESS:
          if (depth >= MAX_NESTING) {
            counters.increment(SwimCounter.DROPPED_MALFORMED);
            return;
          }
          byte[] payload = Codec.decompress(buf, off, len);
          handleCommand(payload, 0, payload.length, from, nowNanos, depth + 1);
          break;
        case PING:
          prober.handlePing((Ping) Codec.decode(buf, off, len), from);
          break;
        case INDIRECT_PING:
          prober.handleIndirectPing((IndirectPingReq) Codec.decode(buf, off, len), from, nowNanos);
          break;
        case ACK_RESP:
          AckResp ack = (AckResp) Codec.decode(buf, off, len);
          acks.invokeAck(ack.seqNo(), ack.payload(), nowNanos);
          break;
        case NACK_RESP:
          acks.invokeNack(((NackResp) Codec.decode(buf, off, len)).seqNo());
          break;
        case SUSPECT:
        case ALIVE:
        case DEAD:
        case USER:
          if (!handoff.hasRoom(type == MessageType.ALIVE)) {
            counters.increment(SwimCounter.DROPPED_HANDOFF_FULL);
            log.remote(Level.WARN, "handoff-full", "handler queue full, dropping message ({}) from {}", type.code(), from);
            return;
          }
          handoff.push(Codec.decode(buf, off, len));
          break;
        default:
          unknown(type.code(), from);
          break;
      }
    } catch (WireFormatException | ClassCastException e) {
      counters.increment(SwimCounter.DROPPED_MALFORMED);
      log.remote(Level.ERROR, "packet-decode", "Failed to decode message ({}) from {}: {}", type.code(), from, e.getMessage());
    }
  }

  private void handleCompound(
      byte[] buf, int off, int len, String from, long nowNanos, int depth) {
    if (depth >= MAX_NESTING) {
      counters.increment(SwimCounter.DROPPED_MALFORMED);
      return;
    }
    CompoundLayout parts = Codec.locateCompound(buf, off, len);
    if (parts.truncated() > 0) {
      counters.add(SwimCounter.DROPPED_COMPOUND_TRUNCATED, parts.truncated());
      log.remote(Level.WARN, "compound-truncated", "Compound request had {} truncated messages from {}", parts.truncated(), from);
    }
    for (int i = 0; i < parts.parts(); i++) {
      handleCommand(buf, parts.offset(i), parts.length(i), from, nowNanos, depth + 1);
    }
  }

  private void unknown(int code, String from) {
    counters.increment(SwimCounter.DROPPED_UNKNOWN_TYPE);
    log.remote(Level.ERROR, "packet-type", "msg type ({}) not supported from {}", code, from);
  }

  /** Handles every queued gossip message, newest first, alive messages first (Go's {@code packetHandler}). */
  void drainHandoff(long nowNanos) {
    Message message;
    while ((message = handoff.next()) != null) {
      if (message instanceof Alive alive) {
        if (alive.port() == 0) {
          alive =
              new Alive(
                  alive.incarnation(),
                  alive.node(),
                  alive.addr(),
                  config.defaultPort(),
                  alive.meta(),
                  alive.vsn());
        }
        membership.aliveNode(alive, null, false, nowNanos);
      } else if (message instanceof Suspect suspect) {
        membership.suspectNode(suspect, nowNanos);
      } else if (message instanceof Dead dead) {
        membership.deadNode(dead, nowNanos);
      } else if (message instanceof UserMsg user) {
        delegate.notifyMsg(user.payload());
      }
    }
  }

  /** Drops queued messages (at shutdown). */
  void clear() {
    handoff.clear();
  }
}
