/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.UserMsg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The gossip ticker sleeps while nothing is queued and wakes in its phase: a broadcast goes out on
 * the same tick an always-running ticker would have sent it on.
 */
class GossipTickerTest {
  private static final long MS = 1_000_000L;
  private static final long INTERVAL = 200 * MS;
  private static final byte[] PEER_IP = {10, 0, 0, 2};

  /** A delegate with a queue of user broadcasts, each sent once, that says when it is empty. */
  private static final class QueueDelegate implements SwimDelegate {
    final List<byte[]> queue = new ArrayList<>();

    @Override
    public List<byte[]> getBroadcasts(int overhead, int limit) {
      List<byte[]> out = List.copyOf(queue);
      queue.clear();
      return out;
    }

    @Override
    public boolean hasBroadcasts() {
      return !queue.isEmpty();
    }
  }

  private final RecordingNetwork network = new RecordingNetwork();
  private final QueueDelegate delegate = new QueueDelegate();
  private final SwimEngine engine = gossipOnly(network, delegate);

  /** Starts an engine without probes and push/pulls: the gossip ticker is its only timer. */
  private static SwimEngine gossipOnly(RecordingNetwork network, SwimDelegate delegate) {
    return SwimEngine.start(
        SwimConfig.builder("self", new byte[] {10, 0, 0, 1}, 7946)
            .gossipInterval(Duration.ofNanos(INTERVAL))
            .probeInterval(Duration.ZERO)
            .pushPullInterval(Duration.ZERO)
            .build(),
        network,
        delegate,
        new SplittableRandom(7),
        0);
  }

  /** Runs the engine as the runtime's loop does, from deadline to deadline, until {@code end}. */
  private long runUntil(long end) {
    long now = 0;
    for (long next = engine.nextDeadline(); next <= end; next = engine.poll(next)) {
      now = next;
    }
    return now;
  }

  private void learnPeer(long nowNanos) {
    Alive alive = new Alive(1, "peer", PEER_IP, 7946, null, Codec.CKIT_VSN.clone());
    engine.onPacket("10.0.0.2:7946", Codec.encode(alive), nowNanos);
  }

  @Test
  void shouldSleepOnceTheQueuesAreEmptyAndWakeInPhase() {
    learnPeer(50 * MS);
    // Gossip sends the alive messages (self and peer) until their retransmit limit, then sleeps.
    runUntil(10_000 * MS);
    assertFalse(network.drain().isEmpty(), "the alive messages were gossiped");
    assertEquals(0, engine.queuedBroadcasts());
    assertFalse(engine.gossiper().isScheduled(), "nothing queued: the ticker sleeps");
    assertEquals(Long.MAX_VALUE, engine.nextDeadline(), "no timer left to wake the loop");

    // Something is queued between ticks (at 12.345 s); it goes out on the next tick of the phase
    // the ticker started with (ticks at k × 200 ms), not at once and not one interval later.
    delegate.queue.add(new byte[] {1, 2, 3});
    long next = engine.poll(12_345 * MS);
    assertEquals(12_400 * MS, next);
    assertTrue(network.drain().isEmpty(), "nothing is sent before the tick");
    engine.poll(next);
    List<RecordingNetwork.Sent> sent = network.drain();
    assertEquals(1, sent.size());
    assertEquals("10.0.0.2:7946", sent.get(0).address());
    List<Message> messages = sent.get(0).messages();
    assertEquals(1, messages.size());
    assertArrayEquals(new byte[] {1, 2, 3}, ((UserMsg) messages.get(0)).payload());

    // The next tick finds the queue empty and the ticker sleeps again.
    assertEquals(12_600 * MS, engine.nextDeadline());
    assertEquals(Long.MAX_VALUE, engine.poll(12_600 * MS));
    assertTrue(network.drain().isEmpty());
  }

  @Test
  void shouldWakeForBroadcastsQueuedByAnInput() {
    learnPeer(50 * MS);
    runUntil(10_000 * MS);
    network.drain();
    assertFalse(engine.gossiper().isScheduled());

    // A new node's alive message, received at 10.05 s, is queued for gossip by the engine itself.
    Alive other =
        new Alive(1, "other", new byte[] {10, 0, 0, 3}, 7946, null, Codec.CKIT_VSN.clone());
    engine.onPacket("10.0.0.3:7946", Codec.encode(other), 10_050 * MS);
    assertTrue(engine.gossiper().isScheduled());
    assertEquals(10_200 * MS, engine.nextDeadline());
  }

  @Test
  void shouldKeepTickingForADelegateThatCannotTell() {
    SwimEngine ticking = gossipOnly(new RecordingNetwork(), new SwimDelegate() {});
    ticking.broadcasts().reset();
    for (long t = INTERVAL; t <= 10 * INTERVAL; t += INTERVAL) {
      assertEquals(t, ticking.poll(t - INTERVAL));
    }
    assertTrue(ticking.gossiper().isScheduled());
  }
}
