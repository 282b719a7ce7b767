/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.PacketContents;
import java.util.ArrayList;
import java.util.List;

/** A {@link Network} that records what the engine sends, for byte-level tests. */
final class RecordingNetwork implements Network {
  /** A sent packet. */
  record Sent(String address, byte[] packet) {
    /** Unpacks the packet (label, CRC, compression, compound). */
    PacketContents contents() {
      return Codec.unpackPacket(packet, 0, packet.length);
    }

    /** Returns the messages inside. */
    List<Message> messages() {
      return contents().messages();
    }
  }

  /** A dialed stream. */
  record Dial(String address, List<byte[]> writes, long timeoutNanos, long streamId) {}

  final List<Sent> sent = new ArrayList<>();
  final List<Dial> dials = new ArrayList<>();

  @Override
  public void sendPacket(String address, byte[] packet) {
    sent.add(new Sent(address, packet));
  }

  @Override
  public void dialStream(String address, List<byte[]> writes, long timeoutNanos, long streamId) {
    dials.add(new Dial(address, List.copyOf(writes), timeoutNanos, streamId));
  }

  /** Returns and forgets everything sent so far. */
  List<Sent> drain() {
    List<Sent> copy = new ArrayList<>(sent);
    sent.clear();
    return copy;
  }
}
