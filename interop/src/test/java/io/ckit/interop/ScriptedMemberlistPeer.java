/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import io.ckit.internal.transport.GossipTransport;
import io.ckit.internal.transport.StreamConnection;
import io.ckit.internal.transport.StreamListener;
import io.ckit.internal.transport.TransportSink;
import io.ckit.internal.wire.AckResp;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.LocalState;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.MessageType;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.PacketContents;
import io.ckit.internal.wire.Ping;
import io.ckit.internal.wire.PushNodeState;
import io.ckit.internal.wire.PushPull;
import io.ckit.internal.wire.StateMessage;
import io.ckit.internal.wire.StreamMessage;
import io.ckit.internal.wire.StreamMessageReader;
import io.ckit.peer.State;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A scripted memberlist node for transport interop tests, not a membership implementation: it
 * answers pings with acks (to the ping's SourceAddr:SourcePort, as memberlist does), answers a
 * push/pull on an accepted stream with its own single-node state, and records what it receives.
 *
 * <p>Called on Jetty threads; everything it does is non-blocking (decode, queue, write).
 */
final class ScriptedMemberlistPeer implements TransportSink {
  final String name;
  final byte[] ip;
  final int port;
  final BlockingQueue<Ping> pings = new LinkedBlockingQueue<>();
  final BlockingQueue<AckResp> acks = new LinkedBlockingQueue<>();
  final BlockingQueue<Message> otherMessages = new LinkedBlockingQueue<>();
  final BlockingQueue<PushPull> pushPulls = new LinkedBlockingQueue<>();
  /** The outer type of each push/pull received on an accepted stream (Go always compresses). */
  final BlockingQueue<MessageType> pushPullEnvelopes = new LinkedBlockingQueue<>();
  final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
  private volatile GossipTransport transport;

  ScriptedMemberlistPeer(String name, String ip, int port) {
    this.name = name;
    try {
      this.ip = InetAddress.getByName(ip).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("bad IP " + ip, e);
    }
    this.port = port;
  }

  /** Sets the transport acks are sent through; call before peers can reach this node. */
  void bind(GossipTransport gossipTransport) {
    this.transport = gossipTransport;
  }

  /** This node's push/pull: itself, alive, as a ckit participant. */
  PushPull localPushPull(boolean join) {
    PushNodeState self =
        new PushNodeState(name, ip, port, null, 1, NodeStateType.ALIVE, Codec.CKIT_VSN.clone());
    byte[] userState =
        Codec.encodeLocalState(
            new LocalState(1, List.of(new StateMessage(name, State.PARTICIPANT, 1))));
    return new PushPull(join, List.of(self), userState);
  }

  @Override
  public void onPacket(byte[] payload, String remoteAddr, long receivedNanos) {
    PacketContents contents;
    try {
      contents = Codec.unpackPacket(payload, 0, payload.length);
    } catch (RuntimeException e) {
      errors.add(e);
      return;
    }
    errors.addAll(contents.errors());
    for (Message message : contents.messages()) {
      if (message instanceof Ping ping) {
        pings.add(ping);
        if (ping.sourceAddr() != null && ping.sourcePort() > 0) {
          String to = InetAddressText.of(ping.sourceAddr()) + ":" + ping.sourcePort();
          transport.sendPacket(to, Codec.encode(new AckResp(ping.seqNo(), null)));
        }
      } else if (message instanceof AckResp ack) {
        acks.add(ack);
      } else {
        otherMessages.add(message);
      }
    }
  }

  @Override
  public StreamListener onStream(StreamConnection connection) {
    return new Acceptor(connection);
  }

  /** Reads a push/pull from a dialer and answers with ours, compressed as Go does, then closes. */
  private final class Acceptor implements StreamListener {
    private final StreamConnection connection;
    private final StreamMessageReader reader =
        new StreamMessageReader(true, StreamMessageReader.DEFAULT_MAX_MESSAGE_BYTES);

    Acceptor(StreamConnection connection) {
      this.connection = connection;
    }

    @Override
    public void onData(byte[] chunk) {
      try {
        reader.feed(chunk, 0, chunk.length);
        for (StreamMessage m; (m = reader.poll()) != null; ) {
          byte[] body = m.uncompressed();
          if ((body[0] & 0xFF) != MessageType.PUSH_PULL.code()) {
            errors.add(new AssertionError("unexpected stream message type " + body[0]));
            connection.close();
            return;
          }
          pushPullEnvelopes.add(m.type());
          PushPull received = Codec.decodePushPull(body, 0, body.length);
          pushPulls.add(received);
          // memberlist's acceptor echoes the dialer's join flag (sendLocalState(conn, join)).
          connection.write(Codec.compress(Codec.encodePushPull(localPushPull(received.join()))));
          connection.close();
        }
      } catch (RuntimeException e) {
        errors.add(e);
        connection.close();
      }
    }

    @Override
    public void onClosed(Throwable cause) {}
  }

  /** Reads the reply to a push/pull this node dialed. */
  static final class Dialer implements StreamListener {
    final CompletableFuture<PushPull> reply = new CompletableFuture<>();
    volatile MessageType replyEnvelope;
    final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    private final StreamMessageReader reader =
        new StreamMessageReader(false, StreamMessageReader.DEFAULT_MAX_MESSAGE_BYTES);

    @Override
    public void onData(byte[] chunk) {
      try {
        reader.feed(chunk, 0, chunk.length);
        StreamMessage m = reader.poll();
        if (m != null) {
          replyEnvelope = m.type();
          byte[] body = m.uncompressed();
          reply.complete(Codec.decodePushPull(body, 0, body.length));
        }
      } catch (RuntimeException e) {
        reply.completeExceptionally(e);
      }
    }

    @Override
    public void onClosed(Throwable cause) {
      closed.complete(cause);
      reply.completeExceptionally(new AssertionError("stream closed before a reply", cause));
    }
  }

  /** Formats a 4- or 16-byte IP as memberlist's {@code net.IP.String()} for dialing. */
  static final class InetAddressText {
    private InetAddressText() {}

    static String of(byte[] ip) {
      try {
        InetAddress address = InetAddress.getByAddress(ip);
        String text = address.getHostAddress();
        return ip.length == 16 ? "[" + text + "]" : text;
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("bad IP of " + ip.length + " bytes", e);
      }
    }
  }
}
