/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.peer.State;
import org.junit.jupiter.api.Test;

/**
 * Decoder behaviour that go-msgpack v2.1.5 exhibits (wire spec §3.2, §6.9). The interop module's
 * golden test checks the same inputs against Go's own decoder.
 */
class DecoderToleranceTest {
  private static Message decode(String hex) {
    byte[] b = Hex.bytes(hex);
    return Codec.decode(b, 0, b.length);
  }

  @Test
  void shouldAcceptFixint01AsBool() {
    // indirectPingReq{Nack: 1}
    IndirectPingReq p = (IndirectPingReq) decode("01 81 a4 4e 61 63 6b 01");
    assertTrue(p.nack());
    assertFalse(((IndirectPingReq) decode("01 81 a4 4e 61 63 6b 00")).nack());
    assertThrows(WireFormatException.class, () -> decode("01 81 a4 4e 61 63 6b 02"));
  }

  @Test
  void shouldIgnoreKeysThatDifferInCase() {
    Suspect s = (Suspect) decode("03 81 ab 69 6e 63 61 72 6e 61 74 69 6f 6e 05");
    assertEquals(0, s.incarnation());
  }

  @Test
  void shouldRejectNegativeAndOverflowingUnsigned() {
    assertThrows(WireFormatException.class,
        () -> decode("03 81 ab 49 6e 63 61 72 6e 61 74 69 6f 6e ff"));
    assertThrows(WireFormatException.class,
        () -> decode("03 81 ab 49 6e 63 61 72 6e 61 74 69 6f 6e d0 fe"));
    // 2^32 does not fit a uint32
    assertThrows(WireFormatException.class,
        () -> decode("03 81 ab 49 6e 63 61 72 6e 61 74 69 6f 6e cf 00 00 00 01 00 00 00 00"));
    // SourcePort 65536 does not fit a uint16
    assertThrows(WireFormatException.class,
        () -> decode("00 81 aa 53 6f 75 72 63 65 50 6f 72 74 ce 00 01 00 00"));
    assertThrows(WireFormatException.class, () -> decode("0b 81 a5 53 65 71 4e 6f d0 80"));
  }

  @Test
  void shouldAcceptEveryIntegerFamilyForUnsigned() {
    assertEquals(300, ((NackResp) decode("0b 81 a5 53 65 71 4e 6f d1 01 2c")).seqNo());
    assertEquals(300, ((NackResp) decode("0b 81 a5 53 65 71 4e 6f d3 00 00 00 00 00 00 01 2c")).seqNo());
    assertEquals(-1, ((NackResp) decode("0b 81 a5 53 65 71 4e 6f ce ff ff ff ff")).seqNo());
  }

  @Test
  void shouldGiveZeroValuesForNilFieldsAndNilStructs() {
    Alive a = (Alive) decode("04 c0");
    assertEquals(0, a.incarnation());
    assertEquals("", a.node());
    assertNull(a.addr());
    Alive b = (Alive) decode("04 82 a4 4e 6f 64 65 c0 a4 50 6f 72 74 c0");
    assertEquals("", b.node());
    assertEquals(0, b.port());
  }

  @Test
  void shouldSkipUnknownNestedValuesAndExtraArrayElements() {
    // errResp{Error:"x"} with an unknown key whose value is {"a":[1.5, ext]} and a float64
    ErrResp e = (ErrResp) decode("0d 83 a1 5a 81 a1 61 92 ca 3f c0 00 00 d4 01 07"
        + " a5 45 72 72 6f 72 a1 78 a1 59 cb 00 00 00 00 00 00 00 00");
    assertEquals("x", e.error());
    // nackResp as an array with an extra element
    assertEquals(9, ((NackResp) decode("0b 92 09 a3 61 62 63")).seqNo());
    // duplicate keys: the last wins
    assertEquals(2, ((NackResp) decode("0b 82 a5 53 65 71 4e 6f 01 a5 53 65 71 4e 6f 02")).seqNo());
  }

  @Test
  void shouldAcceptBinStr8AndIntArraysForStringsAndBytes() {
    Ping p = (Ping) decode("00 82 c4 04 4e 6f 64 65 c5 00 01 78 aa 53 6f 75 72 63 65 41 64 64 72"
        + " 94 7f 00 00 01");
    assertEquals("x", p.node());
    assertArrayEquals(new byte[] {127, 0, 0, 1}, p.sourceAddr());
    assertEquals("y", ((ErrResp) decode("0d 81 a5 45 72 72 6f 72 d9 01 79")).error());
  }

  @Test
  void shouldRejectInvalidUtf8InNames() {
    assertThrows(WireFormatException.class, () -> decode("0d 81 a5 45 72 72 6f 72 a2 c3 28"));
    assertEquals("é", ((ErrResp) decode("0d 81 a5 45 72 72 6f 72 a2 c3 a9")).error());
  }

  @Test
  void shouldRejectNonStructBodiesAndTruncation() {
    assertThrows(WireFormatException.class, () -> decode("00 05"));
    assertThrows(WireFormatException.class, () -> decode("00"));
    assertThrows(WireFormatException.class, () -> decode("00 85 a4 4e 6f 64 65"));
    assertThrows(WireFormatException.class, () -> decode("00 df ff ff ff ff"));
    assertThrows(WireFormatException.class, () -> decode("00 81 a1 5a c1"));
    assertThrows(WireFormatException.class, () -> decode("07 00"));
    assertThrows(WireFormatException.class, () -> decode("f4 00"));
    assertThrows(WireFormatException.class, () -> decode(""));
  }

  @Test
  void shouldIgnoreTrailingBytesAfterTheValue() {
    assertEquals(1, ((NackResp) decode("0b 81 a5 53 65 71 4e 6f 01 ff ff")).seqNo());
  }

  @Test
  void shouldDropPushNodeStatesWithUnknownStateValues() {
    // push/pull with 2 node states, the first with State 7, no user state
    byte[] b = Hex.bytes("06 82 a5 4e 6f 64 65 73 02 ac 55 73 65 72 53 74 61 74 65 4c 65 6e 00"
        + " 82 a4 4e 61 6d 65 a1 61 a5 53 74 61 74 65 07"
        + " 82 a4 4e 61 6d 65 a1 62 a5 53 74 61 74 65 01");
    PushPull p = Codec.decodePushPull(b, 0, b.length);
    assertEquals(1, p.nodes().size());
    assertEquals("b", p.nodes().get(0).name());
    assertEquals(NodeStateType.SUSPECT, p.nodes().get(0).state());
    assertEquals(0, p.userState().length);
  }

  @Test
  void shouldRejectImpossiblePushPullCounts() {
    byte[] negative = Hex.bytes("06 81 a5 4e 6f 64 65 73 ff");
    assertThrows(WireFormatException.class, () -> Codec.decodePushPull(negative, 0, negative.length));
    byte[] tooMany = Hex.bytes("06 81 a5 4e 6f 64 65 73 d2 00 00 ff ff");
    assertThrows(WireFormatException.class, () -> Codec.decodePushPull(tooMany, 0, tooMany.length));
    byte[] shortUser = Hex.bytes("06 81 ac 55 73 65 72 53 74 61 74 65 4c 65 6e 05 01 02");
    assertThrows(WireFormatException.class,
        () -> Codec.decodePushPull(shortUser, 0, shortUser.length));
  }

  @Test
  void shouldValidateCkitHeaderAndPeerState() {
    byte[] k1 = SpecVectorsTest.K1;
    assertEquals(State.PARTICIPANT, Codec.decodeState(k1, 0, k1.length).newState());
    byte[] badMagic = k1.clone();
    badMagic[0] = 0x13;
    assertThrows(WireFormatException.class, () -> Codec.decodeState(badMagic, 0, badMagic.length));
    byte[] badType = k1.clone();
    badType[2] = 2;
    assertThrows(WireFormatException.class, () -> Codec.decodeState(badType, 0, badType.length));
    byte[] badState = k1.clone();
    badState[13] = 3; // NewState 3
    assertThrows(WireFormatException.class, () -> Codec.decodeState(badState, 0, badState.length));
    assertThrows(WireFormatException.class, () -> Codec.decodeState(k1, 0, 2));
  }
}
