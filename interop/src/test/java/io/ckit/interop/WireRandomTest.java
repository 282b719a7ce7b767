/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import static io.ckit.interop.WireOracle.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.wire.AckResp;
import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Dead;
import io.ckit.internal.wire.ErrResp;
import io.ckit.internal.wire.IndirectPingReq;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.NackResp;
import io.ckit.internal.wire.Ping;
import io.ckit.internal.wire.StateMessage;
import io.ckit.internal.wire.Suspect;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Randomised messages encoded by Go (seeded, so reproducible): the Java decoder reads back every
 * field Go wrote, and the Java encoder writes the same bytes again. Also random LZW inputs, and
 * ckit's State and localState under both go-msgpack v0.5.5 and v2.1.5.
 */
class WireRandomTest {
  private static Map<String, String> fields(String[] line, int from) {
    Map<String, String> out = new HashMap<>();
    for (int i = from; i < line.length; i++) {
      int eq = line[i].indexOf('=');
      out.put(line[i].substring(0, eq), line[i].substring(eq + 1));
    }
    return out;
  }

  private static String s(Map<String, String> f, String key) {
    return new String(hex(f.get(key)), StandardCharsets.UTF_8);
  }

  private static byte[] b(Map<String, String> f, String key) {
    String v = f.get(key);
    return v.equals("nil") ? null : hex(v);
  }

  /** An omitempty {@code []byte}: Go leaves an empty one out, so it decodes as nil. */
  private static byte[] omitEmpty(Map<String, String> f, String key) {
    byte[] v = b(f, key);
    return v == null || v.length == 0 ? null : v;
  }

  private static int u32(Map<String, String> f, String key) {
    return (int) Long.parseLong(f.get(key));
  }

  /** Builds the message Go described from its field list. */
  private static Message expected(String kind, Map<String, String> f) {
    return switch (kind) {
      case "ping" -> new Ping(u32(f, "SeqNo"), s(f, "Node"), omitEmpty(f, "SourceAddr"),
          u32(f, "SourcePort"), s(f, "SourceNode"));
      case "indirect" -> new IndirectPingReq(u32(f, "SeqNo"), b(f, "Target"), u32(f, "Port"),
          s(f, "Node"), Boolean.parseBoolean(f.get("Nack")), omitEmpty(f, "SourceAddr"),
          u32(f, "SourcePort"), s(f, "SourceNode"));
      case "ack" -> new AckResp(u32(f, "SeqNo"), b(f, "Payload"));
      case "nack" -> new NackResp(u32(f, "SeqNo"));
      case "err" -> new ErrResp(s(f, "Error"));
      case "suspect" -> new Suspect(u32(f, "Incarnation"), s(f, "Node"), s(f, "From"));
      case "dead" -> new Dead(u32(f, "Incarnation"), s(f, "Node"), s(f, "From"));
      case "alive" -> new Alive(u32(f, "Incarnation"), s(f, "Node"), b(f, "Addr"), u32(f, "Port"),
          b(f, "Meta"), b(f, "Vsn"));
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @Test
  void shouldDecodeAndReencodeRandomGoMessages() {
    List<String[]> lines = WireOracle.lines(WireOracle.vectorLines(), "rand");
    Map<String, Integer> counts = new HashMap<>();
    for (String[] line : lines) {
      String kind = line[1];
      byte[] bytes = hex(line[2]);
      counts.merge(kind, 1, Integer::sum);
      Map<String, String> f = fields(line, 3);
      switch (kind) {
        case "state" -> {
          StateMessage decoded = Codec.decodeState(bytes, 0, bytes.length);
          assertEquals(s(f, "NodeName"), decoded.nodeName());
          assertEquals(Integer.parseInt(f.get("NewState")), decoded.newState().wireValue());
          assertEquals(Long.parseUnsignedLong(f.get("Time")), decoded.time());
          assertEquals(line[2], hex(Codec.encodeState(decoded)), "v0.5.5 bytes");
          assertEquals(f.get("v2"), line[2], "go-msgpack v2.1.5 and v0.5.5 differ for " + decoded);
        }
        case "local" -> {
          assertEquals(line[2], hex(Codec.encodeLocalState(Codec.decodeLocalState(bytes, 0,
              bytes.length))));
          assertEquals(f.get("v2"), line[2], "go-msgpack v2.1.5 and v0.5.5 differ");
        }
        case "pushpull" -> assertEquals(line[2],
            hex(Codec.encodePushPull(Codec.decodePushPull(bytes, 0, bytes.length))));
        case "compressed-pushpull" -> {
          byte[] plain = Codec.decompress(bytes, 0, bytes.length);
          assertEquals(line[2], hex(Codec.compress(plain)));
          assertEquals(hex(plain),
              hex(Codec.encodePushPull(Codec.decodePushPull(plain, 0, plain.length))));
        }
        default -> {
          Message decoded = Codec.decode(bytes, 0, bytes.length);
          Message want = expected(kind, f);
          assertEquals(hex(Codec.encode(want)), hex(Codec.encode(decoded)), kind);
          assertEquals(line[2], hex(Codec.encode(want)), kind + " encoded from Go's field values");
          assertFieldsEqual(want, decoded);
        }
      }
    }
    assertEquals(12, counts.size(), "kinds: " + counts);
    counts.values().forEach(n -> assertTrue(n >= 100, "cases per kind: " + counts));
  }

  /** Compares records field by field, byte arrays by content and nullness. */
  private static void assertFieldsEqual(Message want, Message got) {
    assertEquals(want.getClass(), got.getClass());
    for (var component : want.getClass().getRecordComponents()) {
      try {
        Object a = component.getAccessor().invoke(want);
        Object b = component.getAccessor().invoke(got);
        if (a instanceof byte[] || b instanceof byte[]) {
          assertArrayEquals((byte[]) a, (byte[]) b, component.getName());
          assertEquals(a == null, b == null, component.getName() + " nullness");
        } else {
          assertEquals(a, b, component.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void shouldCompressRandomInputsExactlyLikeGo() {
    List<String[]> lines = WireOracle.lines(WireOracle.vectorLines(), "lzw");
    assertEquals(40, lines.size());
    for (String[] line : lines) {
      byte[] in = hex(line[1]);
      byte[] wrapped = Codec.compress(in);
      String goLzw = line[2];
      String javaLzw = hex(wrapped).substring(hex(wrapped).length() - goLzw.length());
      assertEquals(goLzw, javaLzw, "input of " + in.length + " bytes");
      if (in.length > 0) {
        assertArrayEquals(in, Codec.decompress(wrapped, 0, wrapped.length));
      }
    }
  }
}
