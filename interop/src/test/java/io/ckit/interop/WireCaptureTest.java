/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import static io.ckit.interop.WireOracle.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Dead;
import io.ckit.internal.wire.ErrResp;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.MessageType;
import io.ckit.internal.wire.PushPull;
import io.ckit.internal.wire.StreamMessage;
import io.ckit.internal.wire.StreamMessageReader;
import io.ckit.internal.wire.UserMsg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Traffic of real memberlist v0.5.3 nodes (three per cluster, one unlabelled and one labelled
 * cluster, with a ckit-like delegate) captured by the oracle's in-process transport: the Java codec
 * unwraps every packet and stream through all layers and re-encodes every layer to identical bytes.
 */
class WireCaptureTest {
  /** What the walk saw, by layer and message type. */
  private final Set<String> seen = new TreeSet<>();

  @Test
  void shouldDecodeAndReencodeEveryCapturedPacket() {
    List<String[]> packets = WireOracle.lines(WireOracle.captureLines(), "packet");
    assertTrue(packets.size() > 100, "captured packets: " + packets.size());
    for (String[] p : packets) {
      String label = p[2].equals("-") ? "" : p[2];
      byte[] packet = hex(p[5]);
      String where = "packet " + String.join(" ", Arrays.copyOf(p, 5));
      Codec.Labelled labelled = Codec.stripLabel(packet, 0, packet.length);
      assertEquals(label, labelled.label(), where);
      assertArrayEquals(packet, Codec.addLabel(
          Arrays.copyOfRange(packet, labelled.offset(), packet.length), label), where);
      if (!label.isEmpty()) {
        seen.add("label");
      }
      byte[] rest = Arrays.copyOfRange(packet, labelled.offset(), packet.length);
      int inner = Codec.stripCrc(rest, 0, rest.length);
      if (inner > 0) {
        seen.add("crc");
        byte[] body = Arrays.copyOfRange(rest, inner, rest.length);
        assertArrayEquals(rest, Codec.addCrc(body), where);
        rest = body;
      }
      walk(rest, where, 0);
      var contents = Codec.unpackPacket(packet, 0, packet.length);
      assertEquals(List.of(), contents.errors(), where);
      assertEquals(0, contents.truncated(), where);
    }
    for (String layer : List.of("label", "crc", "COMPOUND", "COMPRESS", "PING", "INDIRECT_PING",
        "ACK_RESP", "NACK_RESP", "SUSPECT", "ALIVE", "DEAD", "DEAD(leave)", "USER(ckit state)")) {
      assertTrue(seen.contains(layer), "no " + layer + " in the capture; saw " + seen);
    }
  }

  private void walk(byte[] bytes, String where, int depth) {
    assertTrue(depth < 4, where);
    MessageType type = MessageType.fromCode(bytes[0]);
    seen.add(String.valueOf(type));
    switch (type) {
      case COMPOUND -> {
        Codec.CompoundParts parts = Codec.splitCompound(bytes, 0, bytes.length);
        assertEquals(0, parts.truncated(), where);
        assertArrayEquals(bytes, Codec.compound(parts.parts()), where);
        parts.parts().forEach(part -> walk(part, where, depth + 1));
      }
      case COMPRESS -> {
        byte[] plain = Codec.decompress(bytes, 0, bytes.length);
        assertEquals(hex(bytes), hex(Codec.compress(plain)), where + " recompressed");
        walk(plain, where, depth + 1);
      }
      default -> {
        Message m = Codec.decode(bytes, 0, bytes.length);
        assertEquals(hex(bytes), hex(Codec.encode(m)), where + " " + m);
        if (m instanceof Dead d && d.isLeave()) {
          seen.add("DEAD(leave)");
        }
        if (m instanceof UserMsg u) {
          byte[] state = u.payload();
          assertEquals(hex(state), hex(Codec.encodeState(Codec.decodeState(state, 0, state.length))));
          seen.add("USER(ckit state)");
        }
      }
    }
  }

  @Test
  void shouldDecodeAndReencodeEveryCapturedStream() {
    List<String[]> streams = WireOracle.lines(WireOracle.captureLines(), "stream");
    assertTrue(streams.size() > 20, "captured stream directions: " + streams.size());
    TreeMap<String, Integer> kinds = new TreeMap<>();
    for (String[] s : streams) {
      String label = s[2].equals("-") ? "" : s[2];
      boolean dialer = s[4].equals("c2s");
      byte[] bytes = hex(s[5]);
      String where = "stream " + String.join(" ", Arrays.copyOf(s, 5));
      // Feed in awkward chunks: frame boundaries on a stream carry no meaning.
      StreamMessageReader reader =
          new StreamMessageReader(dialer, StreamMessageReader.DEFAULT_MAX_MESSAGE_BYTES);
      List<StreamMessage> messages = new ArrayList<>();
      for (int i = 0; i < bytes.length; i += 37) {
        reader.feed(bytes, i, Math.min(37, bytes.length - i));
        for (StreamMessage m; (m = reader.poll()) != null; ) {
          messages.add(m);
        }
      }
      assertEquals(0, reader.buffered(), where);
      assertEquals(1, messages.size(), where);
      StreamMessage m = messages.get(0);
      assertEquals(dialer ? label : "", m.label(), where);
      assertEquals(MessageType.COMPRESS, m.type(), where + ": Go compresses every stream message");
      byte[] plain = m.uncompressed();
      assertEquals(hex(m.bytes()), hex(Codec.compress(plain)), where + " recompressed");
      MessageType inner = MessageType.fromCode(plain[0]);
      kinds.merge((dialer ? "c2s " : "s2c ") + inner, 1, Integer::sum);
      if (inner == MessageType.PUSH_PULL) {
        PushPull pp = Codec.decodePushPull(plain, 0, plain.length);
        assertEquals(hex(plain), hex(Codec.encodePushPull(pp)), where);
        byte[] user = pp.userState();
        assertTrue(user.length > 0, where);
        assertEquals(hex(user),
            hex(Codec.encodeLocalState(Codec.decodeLocalState(user, 0, user.length))), where);
      } else {
        Message msg = Codec.decode(plain, 0, plain.length);
        assertEquals(hex(plain), hex(Codec.encode(msg)), where);
        assertTrue(msg instanceof ErrResp, where + " " + msg);
      }
    }
    assertTrue(kinds.containsKey("c2s PUSH_PULL") && kinds.containsKey("s2c PUSH_PULL"),
        "stream kinds: " + kinds);
  }
}
