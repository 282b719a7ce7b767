/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compound, CRC and label envelopes, with memberlist's edge cases. */
class EnvelopeTest {
  @Test
  void shouldDropOnlyTheTruncatedTailOfACompound() {
    byte[] c = Codec.compound(List.of(new byte[] {1, 2}, new byte[] {3}, new byte[] {4, 5, 6}));
    Codec.CompoundParts parts = Codec.splitCompound(c, 0, c.length - 1);
    assertEquals(2, parts.parts().size());
    assertEquals(1, parts.truncated());
    Codec.CompoundParts none = Codec.splitCompound(c, 0, 8);
    assertEquals(0, none.parts().size());
    assertEquals(3, none.truncated());
    assertThrows(WireFormatException.class, () -> Codec.splitCompound(c, 0, 7));
    assertThrows(WireFormatException.class, () -> Codec.splitCompound(c, 0, 1));
  }

  @Test
  void shouldEnforceCompoundLimits() {
    List<byte[]> many = new ArrayList<>(Collections.nCopies(256, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Codec.compound(many));
    assertEquals(2 + 2 * 255, Codec.compound(many.subList(0, 255)).length);
    assertThrows(IllegalArgumentException.class, () -> Codec.compound(List.of(new byte[65536])));
  }

  @Test
  void shouldVerifyCrcOnlyWhenPresent() {
    byte[] wrapped = Codec.addCrc(new byte[] {11, 1, 2});
    assertEquals(5, Codec.stripCrc(wrapped, 0, wrapped.length));
    wrapped[6] ^= 1;
    assertThrows(WireFormatException.class, () -> Codec.stripCrc(wrapped, 0, wrapped.length));
    byte[] shortOne = {12, 0, 0, 0};
    assertEquals(0, Codec.stripCrc(shortOne, 0, shortOne.length));
    byte[] plain = {0, 1, 2, 3, 4, 5};
    assertEquals(1, Codec.stripCrc(plain, 1, 5));
  }

  @Test
  void shouldStripLabelsLikeMemberlist() {
    byte[] packet = {0, 1};
    assertSame(packet, Codec.addLabel(packet, ""));
    byte[] labelled = Codec.addLabel(packet, "é");
    Codec.Labelled l = Codec.stripLabel(labelled, 0, labelled.length);
    assertEquals("é", l.label());
    assertEquals(4, l.offset());
    assertEquals(new Codec.Labelled("", 0), Codec.stripLabel(packet, 0, 2));
    assertEquals(new Codec.Labelled("", 0), Codec.stripLabel(packet, 0, 0));
    assertThrows(WireFormatException.class, () -> Codec.stripLabel(new byte[] {(byte) 0xF4}, 0, 1));
    assertThrows(WireFormatException.class,
        () -> Codec.stripLabel(new byte[] {(byte) 0xF4, 0, 1}, 0, 3));
    assertThrows(WireFormatException.class,
        () -> Codec.stripLabel(new byte[] {(byte) 0xF4, 3, 'a'}, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> Codec.addLabel(packet, "x".repeat(256)));
  }

  @Test
  void shouldUnpackEveryLayerAndKeepGoodPartsOfBadPackets() {
    byte[] ack = Codec.encode(new AckResp(1, null));
    byte[] nack = Codec.encode(new NackResp(2));
    byte[] bad = {3, (byte) 0xC1};
    byte[] compound = Codec.compound(List.of(ack, bad, Codec.compress(nack), new byte[] {12, 0}));
    byte[] packet = Codec.addLabel(Codec.addCrc(Codec.compress(compound)), "prod");
    PacketContents contents = Codec.unpackPacket(packet, 0, packet.length);
    assertEquals("prod", contents.label());
    assertEquals(true, contents.hadCrc());
    assertEquals(2, contents.messages().size());
    assertEquals(new NackResp(2), contents.messages().get(1));
    assertEquals(2, contents.errors().size());
    assertEquals(0, contents.truncated());

    packet[packet.length - 1] ^= 1;
    assertThrows(WireFormatException.class, () -> Codec.unpackPacket(packet, 0, packet.length));
  }
}
