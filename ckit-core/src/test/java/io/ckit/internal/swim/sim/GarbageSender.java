/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.PushNodeState;
import io.ckit.internal.wire.PushPull;
import io.ckit.internal.wire.WireFormatException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An outsider that sends undecodable input to cluster members from an address outside the cluster,
 * at a fixed rate: random bytes, real packets (sampled from the simulated wire) cut short, real
 * packets with one byte changed (their CRC no longer matches), a valid message type byte followed by
 * random bytes, and streams of random bytes or a real push/pull cut short. It never sends a message
 * that decodes: bogus but well-formed messages (spoofing) are a different fault, tested on their
 * own.
 *
 * <p>Deterministic: every choice comes from its own seed. Driven by the simulation loop; not thread
 * safe.
 */
public final class GarbageSender {
  /** What one piece of garbage was. */
  public enum Kind {
    /** 1 to 1400 random bytes as a packet. */
    RANDOM_PACKET,
    /** A real packet cut at a random point. */
    TRUNCATED_PACKET,
    /** A real packet (with its CRC header) with one byte changed. */
    CORRUPTED_PACKET,
    /** A message type byte followed by random bytes. */
    TYPE_THEN_RANDOM,
    /** A stream of random bytes. */
    RANDOM_STREAM,
    /** A real push/pull stream cut at a random point. */
    TRUNCATED_STREAM
  }

  private static final int SAMPLES = 256;
  private static final byte[] TYPES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

  private final Simulation sim;
  private final SplittableRandom random;
  private final String address;
  private final List<byte[]> samples = new ArrayList<>();
  private final Map<Kind, long[]> sent = new EnumMap<>(Kind.class);
  private long answered;
  private long closedWithoutReply;

  /**
   * Creates a sender that samples real packets from the wire from now on.
   *
   * @param sim the simulation
   * @param seed the seed of its choices
   * @param address the {@code ip:port} it sends from (outside the cluster)
   */
  public GarbageSender(Simulation sim, long seed, String address) {
    this.sim = sim;
    this.random = new SplittableRandom(seed);
    this.address = address;
    for (Kind kind : Kind.values()) {
      sent.put(kind, new long[1]);
    }
    sim.tapPackets(
        (node, packet) -> {
          if (samples.size() < SAMPLES) {
            samples.add(packet.clone());
          } else if (random.nextInt(64) == 0) {
            samples.set(random.nextInt(SAMPLES), packet.clone());
          }
        });
  }

  /**
   * Sends one piece of garbage to a random target every {@code every}, from now until {@code
   * until} (virtual nanoseconds).
   */
  public void start(List<SimNode> targets, Duration every, long until) {
    for (long t = sim.now(); t < until; t += every.toNanos()) {
      sim.at(t, () -> sendOne(targets.get(random.nextInt(targets.size()))));
    }
  }

  private void sendOne(SimNode to) {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    if (samples.isEmpty() && (kind == Kind.TRUNCATED_PACKET || kind == Kind.CORRUPTED_PACKET)) {
      kind = Kind.RANDOM_PACKET;
    }
    sent.get(kind)[0]++;
    switch (kind) {
      case RANDOM_PACKET, TRUNCATED_PACKET, CORRUPTED_PACKET, TYPE_THEN_RANDOM -> {
        byte[] packet = null;
        for (int attempt = 0; attempt < 16 && packet == null; attempt++) {
          packet = undecodable(candidate(kind));
        }
        sim.injectPacket(address, to, packet != null ? packet : new byte[] {(byte) 0xFF});
      }
      case RANDOM_STREAM -> sim.injectStream(
          address, to, List.of(randomBytes(1 + random.nextInt(4096))), this::reply);
      case TRUNCATED_STREAM -> {
        byte[] pushPull = pushPull(to);
        byte[] cut = Arrays.copyOf(pushPull, 1 + random.nextInt(pushPull.length - 1));
        sim.injectStream(address, to, List.of(cut), this::reply);
      }
      default -> throw new AssertionError(kind);
    }
  }

  private byte[] candidate(Kind kind) {
    switch (kind) {
      case TRUNCATED_PACKET -> {
        byte[] sample = sample();
        return Arrays.copyOf(sample, random.nextInt(sample.length));
      }
      case CORRUPTED_PACKET -> {
        byte[] packet = sample().clone();
        // Change a byte after the 5-byte CRC header so the checksum no longer matches.
        int at = packet.length > 5 ? 5 + random.nextInt(packet.length - 5) : 0;
        packet[at] ^= (byte) (1 + random.nextInt(255));
        return packet;
      }
      case TYPE_THEN_RANDOM -> {
        byte[] packet = randomBytes(1 + random.nextInt(200));
        packet[0] = TYPES[random.nextInt(TYPES.length)];
        return packet;
      }
      default -> {
        return randomBytes(1 + random.nextInt(1400));
      }
    }
  }

  /**
   * Returns the packet if no message in it decodes (so it is garbage, not a replay or a forgery),
   * else null. A truncated compound can still hold whole earlier parts, and random bytes after a
   * type byte occasionally form a valid message (an empty msgpack map is an alive for a node named
   * "" with no address): those are spoofing, tested separately.
   */
  private static byte[] undecodable(byte[] packet) {
    try {
      return Codec.unpackPacket(packet, 0, packet.length).messages().isEmpty() ? packet : null;
    } catch (WireFormatException e) {
      return packet;
    }
  }

  private void reply(byte[] reply) {
    if (reply == null) {
      closedWithoutReply++;
    } else {
      answered++;
    }
  }

  private byte[] sample() {
    return samples.get(random.nextInt(samples.size()));
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  /** A real push/pull naming the target, as a joining node would send it. */
  private static byte[] pushPull(SimNode to) {
    PushNodeState self =
        new PushNodeState(
            "garbage", new byte[] {10, 99, 0, 1}, 7946, null, 1, NodeStateType.ALIVE,
            Codec.CKIT_VSN.clone());
    PushNodeState target =
        new PushNodeState(
            to.name(), to.ip, 7946, null, 1, NodeStateType.ALIVE, Codec.CKIT_VSN.clone());
    return Codec.encodePushPull(new PushPull(true, List.of(self, target), null));
  }

  /** Returns how many pieces of garbage of each kind were sent. */
  public long sent(Kind kind) {
    return sent.get(kind)[0];
  }

  /** Returns how many pieces of garbage were sent in all. */
  public long sentTotal() {
    long total = 0;
    for (long[] count : sent.values()) {
      total += count[0];
    }
    return total;
  }

  /** Returns how many garbage streams were answered (with an error message, in practice). */
  public long answered() {
    return answered;
  }

  /** Returns how many garbage streams were closed without an answer. */
  public long closedWithoutReply() {
    return closedWithoutReply;
  }
}
