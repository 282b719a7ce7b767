/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Ports Go ckit's {@code peer/peer_test.go} and pins Go's JSON bytes. Every expected JSON text and
 * error here was printed by Go's encoding/json with the pinned ckit revision; the interop module's
 * PeerJsonGoldenTest compares hundreds more against the live Go oracle.
 */
class PeerTest {
  @Test
  void shouldRoundTripJson() {
    Peer p = new Peer("test-peer", "localhost", true, State.PARTICIPANT);
    assertEquals(p, Peer.fromJson(p.toJson()));
  }

  @Test
  void shouldWriteGoJsonBytes() {
    assertEquals(
        "{\"name\":\"test-peer\",\"addr\":\"localhost\",\"isSelf\":true,\"state\":\"participant\"}",
        new Peer("test-peer", "localhost", true, State.PARTICIPANT).toJson());
    assertEquals(
        "{\"name\":\"node-a\",\"addr\":\"10.0.0.1:7946\",\"isSelf\":false,\"state\":\"viewer\"}",
        new Peer("node-a", "10.0.0.1:7946", false, State.VIEWER).toJson());
    assertEquals(
        "{\"name\":\"\\u003ca\\u0026b\\u003e\\b\\f\\n\\u2028\\\"\\\\\u00e9\uD83D\uDE00\","
            + "\"addr\":\"[::1]:80\",\"isSelf\":false,\"state\":\"terminating\"}",
        new Peer("<a&b>\b\f\n\u2028\"\\\u00e9\uD83D\uDE00", "[::1]:80", false, State.TERMINATING)
            .toJson());
    assertEquals(
        "{\"name\":\"\",\"addr\":\"\",\"isSelf\":false,\"state\":\"viewer\"}",
        new Peer("", "", false, State.VIEWER).toJson());
  }

  @Test
  void shouldReadJsonAsGoDoes() {
    // Go matches field names without regard to case and skips unknown fields of any type.
    assertEquals(new Peer("x", "", false, State.PARTICIPANT),
        Peer.fromJson("{\"NAME\":\"x\",\"state\":\"participant\"}"));
    assertEquals(new Peer("x", "", false, State.VIEWER),
        Peer.fromJson(" {\"extra\":{\"a\":[1,{\"b\":null}]},\"name\":\"x\",\"state\":\"viewer\"} "));
    assertEquals("unknown state \"bogus\"",
        assertThrows(IllegalArgumentException.class,
            () -> Peer.fromJson("{\"name\":\"x\",\"state\":\"bogus\"}")).getMessage());
    assertEquals("unknown state \"\"",
        assertThrows(IllegalArgumentException.class,
            () -> Peer.fromJson("{\"name\":\"x\"}")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Peer.fromJson("{\"name\":1}"));
    assertThrows(IllegalArgumentException.class, () -> Peer.fromJson("[]"));
  }

  @Test
  void shouldListStatesInWireOrder() {
    // Go's peer.AllStates and the numeric values of peer.State.
    assertArrayEquals(
        new State[] {State.VIEWER, State.PARTICIPANT, State.TERMINATING}, State.values());
    for (State s : State.values()) {
      assertEquals(s, State.fromWireValue(s.wireValue()));
      assertEquals(s, State.parse(s.toString()));
    }
    assertEquals("participant", State.PARTICIPANT.toString());
    assertThrows(IllegalArgumentException.class, () -> State.fromWireValue(3));
  }

  @Test
  void shouldPrintItsName() {
    assertEquals("node-a", new Peer("node-a", "a:1", false, State.VIEWER).toString());
  }
}
