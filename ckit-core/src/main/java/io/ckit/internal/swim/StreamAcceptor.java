/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.log.NodeLog;
import org.slf4j.event.Level;
import io.ckit.internal.wire.AckResp;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.ErrResp;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.MessageType;
import io.ckit.internal.wire.Ping;
import io.ckit.internal.wire.PushPull;
import io.ckit.internal.wire.StreamMessage;
import io.ckit.internal.wire.WireFormatException;

/**
 * Serves streams other nodes open (memberlist's {@code handleConn}, wire spec §5.1): check the
 * label; answer encrypted or unreadable streams with an error message; for a push/pull, reply with
 * the local state (echoing the request's join flag) and then merge the remote state; answer a
 * stream ping with an ack; hand a stream user message to the delegate.
 *
 * <p>Confined to the membership loop.
 */
final class StreamAcceptor {

  private final SwimConfig config;
  private final PushPullSync sync;
  private final SwimDelegate delegate;
  private final PacketSender sender;
  private final SwimCounters counters;
  private final NodeLog log;

  StreamAcceptor(
      SwimConfig config,
      PushPullSync sync,
      SwimDelegate delegate,
      PacketSender sender,
      SwimCounters counters,
      NodeLog log) {
    this.config = config;
    this.sync = sync;
    this.delegate = delegate;
    this.sender = sender;
    this.counters = counters;
    this.log = log;
  }

  /** Serves a stream another node opened (memberlist's {@code handleConn}). */
  void handleStream(String from, StreamMessage message, StreamReplier replier, long nowNanos) {
    counters.increment(SwimCounter.STREAMS_ACCEPTED);
    try {
      serve(from, message, replier, nowNanos);
    } finally {
      replier.close();
    }
  }

  /** Answers a stream whose first message could not be read with an error message. */
  void handleUnreadableStream(String from, String error, StreamReplier replier) {
    counters.increment(SwimCounter.STREAMS_ACCEPTED);
    try {
      errorReply(replier, error, from);
    } finally {
      replier.close();
    }
  }

  private void serve(String from, StreamMessage message, StreamReplier replier, long nowNanos) {
    if (!config.label().equals(message.label())) {
      counters.increment(SwimCounter.DROPPED_LABEL_MISMATCH);
      log.remote(Level.ERROR, "stream-label", "discarding stream with unacceptable label \"{}\" from {}", message.label(), from);
      return;
    }
    if (message.type() == MessageType.ENCRYPT) {
      errorReply(replier, "Remote state is encrypted and encryption is not configured", from);
      return;
    }
    byte[] buf;
    try {
      buf = message.uncompressed();
    } catch (WireFormatException e) {
      errorReply(replier, e.getMessage(), from);
      return;
    }
    int type = buf[0] & 0xFF;
    if (type == MessageType.PUSH_PULL.code()) {
      servePushPull(from, buf, replier, nowNanos);
    } else if (type == MessageType.PING.code()) {
      servePing(from, buf, replier);
    } else if (type == MessageType.USER.code()) {
      serveUserMsg(from, buf);
    } else {
      counters.increment(SwimCounter.DROPPED_UNKNOWN_TYPE);
      log.remote(Level.ERROR, "stream-type", "Received invalid msgType ({}) from {}", type, from);
    }
  }

  private void serveUserMsg(String from, byte[] buf) {
    byte[] payload;
    try {
      payload = Codec.decodeStreamUserMsg(buf, 0, buf.length);
    } catch (WireFormatException e) {
      counters.increment(SwimCounter.DROPPED_MALFORMED);
      log.remote(Level.ERROR, "stream-user-message", "Failed to receive user message from {}: {}", from, e.getMessage());
      return;
    }
    if (payload.length > 0) {
      delegate.notifyMsg(payload);
    }
  }

  private void servePushPull(String from, byte[] buf, StreamReplier replier, long nowNanos) {
    PushPull remote;
    try {
      remote = Codec.decodePushPull(buf, 0, buf.length);
    } catch (WireFormatException e) {
      counters.increment(SwimCounter.DROPPED_MALFORMED);
      log.remote(Level.ERROR, "stream-remote-state", "Failed to read remote state from {}: {}", from, e.getMessage());
      return;
    }
    replier.reply(sender.streamPushPull(sync.localState(remote.join())));
    String error = sync.mergeRemoteState(remote.join(), remote, nowNanos);
    if (error != null) {
      log.remote(Level.ERROR, "stream-merge", "Failed push/pull merge from {}: {}", from, error);
    }
  }

  private void servePing(String from, byte[] buf, StreamReplier replier) {
    Message decoded;
    try {
      decoded = Codec.decode(buf, 0, buf.length);
    } catch (WireFormatException e) {
      counters.increment(SwimCounter.DROPPED_MALFORMED);
      return;
    }
    Ping ping = (Ping) decoded;
    if (ping.node() != null && !ping.node().isEmpty() && !ping.node().equals(config.name())) {
      counters.increment(SwimCounter.DROPPED_PING_WRONG_NODE);
      log.remote(Level.WARN, "unexpected-ping", "Got ping for unexpected node {} from {}", ping.node(), from);
      return;
    }
    replier.reply(sender.streamMessage(Codec.encode(new AckResp(ping.seqNo(), null))));
  }

  private void errorReply(StreamReplier replier, String error, String from) {
    counters.increment(SwimCounter.STREAM_ERRORS);
    log.remote(Level.ERROR, "stream-unreadable", "failed to receive: {} from {}", error, from);
    replier.reply(sender.streamMessage(Codec.encode(new ErrResp(error))));
  }
}
