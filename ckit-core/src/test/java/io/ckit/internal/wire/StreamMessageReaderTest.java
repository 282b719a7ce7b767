/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ckit.peer.State;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting stream messages out of arbitrarily chunked bytes. */
class StreamMessageReaderTest {
  private static final byte[] PUSH_PULL = Codec.encodePushPull(new PushPull(true, List.of(
      new PushNodeState("node-a", SpecVectorsTest.LOCALHOST, 7946, null, 1, NodeStateType.ALIVE,
          Codec.CKIT_VSN),
      new PushNodeState("node-b", new byte[] {127, 0, 0, 2}, 7946, null, 2, NodeStateType.LEFT,
          Codec.CKIT_VSN)),
      Codec.encodeLocalState(new LocalState(42, List.of(
          new StateMessage("node-a", State.PARTICIPANT, 42))))));

  private static List<StreamMessage> feedInChunks(StreamMessageReader reader, byte[] bytes,
      int chunk) {
    List<StreamMessage> out = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += chunk) {
      reader.feed(bytes, i, Math.min(chunk, bytes.length - i));
      for (StreamMessage m; (m = reader.poll()) != null; ) {
        out.add(m);
      }
    }
    return out;
  }

  @Test
  void shouldCutEveryKindOfMessageWhateverTheChunking() {
    byte[] compressed = Codec.compress(PUSH_PULL);
    byte[] ping = Codec.encode(new Ping(1, "b", SpecVectorsTest.LOCALHOST, 7946, "a"));
    byte[] err = Codec.compress(Codec.encode(new ErrResp("boom")));
    byte[] user = Codec.encodeStreamUserMsg("hello".getBytes());
    byte[] encrypted = {10, 0, 0, 0, 3, 1, 2, 3};
    byte[] stream = Hex.concat(Codec.addLabel(new byte[0], "prod"), compressed, PUSH_PULL, ping,
        err, user, encrypted);
    for (int chunk : new int[] {1, 2, 3, 7, 64, stream.length}) {
      List<StreamMessage> got =
          feedInChunks(new StreamMessageReader(true, 1 << 20), stream, chunk);
      assertEquals(6, got.size(), "chunk " + chunk);
      assertEquals("prod", got.get(0).label());
      assertEquals(MessageType.COMPRESS, got.get(0).type());
      assertArrayEquals(compressed, got.get(0).bytes());
      assertArrayEquals(PUSH_PULL, got.get(0).uncompressed());
      assertEquals(MessageType.PUSH_PULL, got.get(1).type());
      assertArrayEquals(PUSH_PULL, got.get(1).bytes());
      assertArrayEquals(ping, got.get(2).bytes());
      assertArrayEquals(err, got.get(3).bytes());
      assertArrayEquals(user, got.get(4).bytes());
      assertEquals(MessageType.ENCRYPT, got.get(5).type());
      assertArrayEquals(encrypted, got.get(5).bytes());
    }
  }

  @Test
  void shouldWaitForTheWholeUserState() {
    StreamMessageReader reader = new StreamMessageReader(false, 1 << 20);
    reader.feed(PUSH_PULL, 0, PUSH_PULL.length - 1);
    assertNull(reader.poll());
    reader.feed(PUSH_PULL, PUSH_PULL.length - 1, 1);
    assertArrayEquals(PUSH_PULL, reader.poll().bytes());
    assertNull(reader.poll());
    assertEquals(0, reader.buffered());
  }

  @Test
  void shouldRejectLabelsWhereNoneIsExpected() {
    byte[] labelled = Codec.addLabel(Codec.encode(new NackResp(1)), "x");
    StreamMessageReader reader = new StreamMessageReader(false, 1 << 20);
    assertThrows(WireFormatException.class, () -> reader.feed(labelled, 0, labelled.length));
    assertThrows(WireFormatException.class, reader::poll);
  }

  @Test
  void shouldFailAtOnceOnTypesThatCannotStartAStreamMessage() {
    for (int code : new int[] {7, 12, 14, 200, 0xF4}) {
      StreamMessageReader reader = new StreamMessageReader(false, 1 << 20);
      assertThrows(WireFormatException.class, () -> reader.feed(new byte[] {(byte) code}, 0, 1),
          "type " + code);
    }
    StreamMessageReader labelled = new StreamMessageReader(true, 1 << 20);
    byte[] twoLabels = {(byte) 0xF4, 1, 'a', (byte) 0xF4, 1, 'a'};
    assertThrows(WireFormatException.class, () -> labelled.feed(twoLabels, 0, twoLabels.length));
  }

  @Test
  void shouldEnforceTheSizeLimitEarly() {
    // A compressed message whose Buf declares 1 MiB fails as soon as the header is seen.
    byte[] header = Hex.bytes("09 82 a4 41 6c 67 6f 00 a3 42 75 66 db 00 10 00 00");
    StreamMessageReader reader = new StreamMessageReader(false, 1000);
    assertThrows(WireFormatException.class, () -> reader.feed(header, 0, header.length));
    // A push/pull that declares more user state than the limit.
    byte[] pushPull = Hex.bytes("06 81 ac 55 73 65 72 53 74 61 74 65 4c 65 6e d1 10 00");
    StreamMessageReader reader2 = new StreamMessageReader(false, 1000);
    assertThrows(WireFormatException.class, () -> reader2.feed(pushPull, 0, pushPull.length));
    // An encrypted message that declares 4 GiB.
    byte[] enc = Hex.bytes("0a ff ff ff ff");
    StreamMessageReader reader3 = new StreamMessageReader(false, 1000);
    assertThrows(WireFormatException.class, () -> reader3.feed(enc, 0, enc.length));
    // Many small values that never end.
    StreamMessageReader reader4 = new StreamMessageReader(false, 1000);
    byte[] endless = new byte[1200];
    endless[0] = 0x00;
    endless[1] = (byte) 0xDD; // array32 with 2^31 elements
    endless[2] = (byte) 0x7F;
    endless[3] = (byte) 0xFF;
    assertThrows(WireFormatException.class, () -> reader4.feed(endless, 0, 7));
  }

  @Test
  void shouldReturnACompleteMessageEvenIfTheNextOneIsBad() {
    byte[] nack = Codec.encode(new NackResp(5));
    byte[] bytes = Hex.concat(nack, new byte[] {7});
    StreamMessageReader reader = new StreamMessageReader(false, 1 << 20);
    reader.feed(bytes, 0, bytes.length);
    assertArrayEquals(nack, reader.poll().bytes());
    assertThrows(WireFormatException.class, reader::poll);
  }
}
