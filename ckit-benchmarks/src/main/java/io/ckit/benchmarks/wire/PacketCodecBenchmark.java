/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.wire;

import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Dead;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.PacketContents;
import io.ckit.internal.wire.Ping;
import io.ckit.internal.wire.StateMessage;
import io.ckit.internal.wire.Suspect;
import io.ckit.internal.wire.UserMsg;
import io.ckit.peer.State;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and decoding the packet every probe sends: a compound of a ping and {@code broadcasts}
 * piggy-backed broadcasts (cycling through alive, suspect, dead and a ckit State user message),
 * with a CRC header as Go's gossip adds it.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PacketCodecBenchmark {
  private static final byte[] IP = {10, 0, 0, 1};

  /** How many broadcasts ride along with the ping. */
  @Param({"4", "32"})
  public int broadcasts;

  private final List<Message> messages = new ArrayList<>();
  private byte[] packet;

  /** Builds the messages and the encoded packet once per trial. */
  @Setup
  public void setUp() {
    messages.clear();
    messages.add(new Ping(42, "node-b", IP, 7946, "node-a"));
    for (int i = 0; i < broadcasts; i++) {
      String name = "ckit-node-" + i + ".example.svc.cluster.local";
      messages.add(switch (i % 4) {
        case 0 -> new Alive(i, name, IP, 7946, null, Codec.CKIT_VSN);
        case 1 -> new Suspect(i, name, "node-a");
        case 2 -> new Dead(i, name, "node-a");
        default -> new UserMsg(Codec.encodeState(new StateMessage(name, State.PARTICIPANT, i)));
      });
    }
    packet = encode();
  }

  /** Encodes every message, builds the compound and adds the CRC header. */
  @Benchmark
  public byte[] encode() {
    List<byte[]> parts = new ArrayList<>(messages.size());
    for (Message m : messages) {
      parts.add(Codec.encode(m));
    }
    return Codec.addCrc(Codec.compound(parts));
  }

  /** Verifies the CRC, splits the compound and decodes every message. */
  @Benchmark
  public PacketContents decode() {
    return Codec.unpackPacket(packet, 0, packet.length);
  }
}
