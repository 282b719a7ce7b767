/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.sim.SimNode;
import io.ckit.internal.swim.sim.Simulation;
import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.MessageType;
import io.ckit.internal.wire.NodeStateType;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Ports of memberlist's {@code state_test.go} probe, gossip and push/pull tests. Go runs real
 * memberlists on loopback UDP with short intervals and sleeps; here engines created without their
 * loops (Go's {@code newMemberlist}) run in the simulator with 0.1 ms links, and virtual time
 * replaces the sleeps.
 */
class EngineProbeTest {
  private static final long MS = 1_000_000L;

  private final Simulation sim = new Simulation(Simulation.seed(11));

  EngineProbeTest() {
    sim.network().latency(100_000, 100_000, 0);
  }

  private SimNode node(UnaryOperator<SwimConfig.Builder> customize) {
    return sim.addNode(customize);
  }

  private SwimEngine run(SimNode node) {
    return sim.startWith(node, SwimEngine::create);
  }

  private static Alive alive(SimNode node, byte[] vsn) {
    return new Alive(1, node.name(), ip(node), 7946, null, vsn);
  }

  private static byte[] ip(SimNode node) {
    String host = node.address().substring(0, node.address().indexOf(':'));
    String[] parts = host.split("\\.");
    byte[] ip = new byte[4];
    for (int i = 0; i < 4; i++) {
      ip[i] = (byte) Integer.parseInt(parts[i]);
    }
    return ip;
  }

  private void know(SwimEngine engine, SimNode node, boolean bootstrap, byte[] vsn) {
    engine.membership().aliveNode(alive(node, vsn), null, bootstrap, sim.now());
  }

  private void know(SwimEngine engine, SimNode node, boolean bootstrap) {
    know(engine, node, bootstrap, Codec.CKIT_VSN.clone());
  }

  private long probeAndWait(SimNode prober, SwimEngine engine, SimNode target) {
    long start = sim.now();
    engine.prober().probeNode(engine.membership().nodes().get(target.name()), sim.now());
    sim.wake(prober);
    long end = sim.runUntil(() -> !engine.prober().probing(), Duration.ofSeconds(10), Duration.ofMillis(1));
    assertTrue(end >= 0, "probe did not finish");
    return end - start;
  }

  private static UnaryOperator<SwimConfig.Builder> fast(long timeoutMs, long intervalMs) {
    return b ->
        b.probeTimeout(Duration.ofMillis(timeoutMs)).probeInterval(Duration.ofMillis(intervalMs));
  }

  @Test
  void shouldProbeAnAliveNode() {
    // TestMemberList_Probe and TestMemberList_ProbeNode.
    SimNode n1 = node(fast(1, 10));
    SimNode n2 = node(b -> b);
    SwimEngine m1 = run(n1);
    run(n2);
    know(m1, n1, true);
    know(m1, n2, false);
    m1.prober().probe(sim.now());
    sim.wake(n1);
    sim.runFor(Duration.ofMillis(20));
    assertEquals(NodeStateType.ALIVE, m1.memberState(n2.name()), "should not be marked suspect");
    assertEquals(1, m1.prober().sequenceNum(), "should increment seqno");
  }

  @Test
  void shouldSuspectAnUnresponsiveNodeAfterIndirectProbes() {
    // TestMemberList_ProbeNode_Suspect.
    SimNode n1 = node(fast(1, 10));
    SimNode n2 = node(b -> b);
    SimNode n3 = node(b -> b);
    SimNode n4 = node(b -> b); // never started
    SwimEngine m1 = run(n1);
    SwimEngine m2 = run(n2);
    SwimEngine m3 = run(n3);
    know(m1, n1, true);
    know(m1, n2, false);
    know(m1, n3, false);
    know(m1, n4, false);
    probeAndWait(n1, m1, n4);
    assertEquals(NodeStateType.SUSPECT, m1.memberState(n4.name()));
    sim.runFor(Duration.ofMillis(10));
    assertTrue(
        m2.prober().sequenceNum() == 1 || m3.prober().sequenceNum() == 1,
        "one of the peers should have attempted an indirect probe");
  }

  @Test
  void shouldKeepHealthWhenEveryExpectedNackArrives() {
    // TestMemberList_ProbeNode_Awareness_Degraded.
    SimNode n1 = node(fast(10, 200));
    SimNode n2 = node(fast(10, 200));
    SimNode n3 = node(fast(10, 200));
    SimNode n4 = node(b -> b); // never started
    SwimEngine m1 = run(n1);
    SwimEngine m2 = run(n2);
    SwimEngine m3 = run(n3);
    know(m1, n1, true);
    know(m1, n2, false);
    know(m1, n3, false);
    know(m1, n4, false, new byte[] {1, 5, 1, 1, 1, 1});
    m1.awareness().applyDelta(1);
    assertEquals(1, m1.healthScore());
    long took = probeAndWait(n1, m1, n4);
    assertEquals(NodeStateType.SUSPECT, m1.memberState(n4.name()));
    assertTrue(took >= 2 * 200 * MS - 50 * MS, "probed too quickly: " + took);
    assertTrue(m2.prober().sequenceNum() == 1 || m3.prober().sequenceNum() == 1);
    assertEquals(1, m1.healthScore(), "all nacks arrived: score unchanged");
  }

  @Test
  void shouldImproveHealthOnASuccessfulProbe() {
    // TestMemberList_ProbeNode_Awareness_Improved.
    SimNode n1 = node(fast(10, 200));
    SimNode n2 = node(b -> b);
    SwimEngine m1 = run(n1);
    run(n2);
    know(m1, n1, true);
    know(m1, n2, false);
    m1.awareness().applyDelta(1);
    probeAndWait(n1, m1, n2);
    assertEquals(NodeStateType.ALIVE, m1.memberState(n2.name()));
    assertEquals(0, m1.healthScore());
  }

  @Test
  void shouldLoseHealthForEachMissingNack() {
    // TestMemberList_ProbeNode_Awareness_MissedNack.
    SimNode n1 = node(fast(10, 200));
    SimNode n2 = node(fast(10, 200));
    SimNode n3 = node(b -> b); // never started
    SimNode n4 = node(b -> b); // never started
    SwimEngine m1 = run(n1);
    run(n2);
    know(m1, n1, true);
    know(m1, n2, false);
    know(m1, n3, false);
    know(m1, n4, false);
    assertEquals(0, m1.healthScore());
    long took = probeAndWait(n1, m1, n4);
    assertEquals(NodeStateType.SUSPECT, m1.memberState(n4.name()));
    assertTrue(took <= 200 * MS + 50 * MS, "took too long to probe: " + took);
    assertEquals(1, m1.healthScore(), "expected health score to decrement on missed nack");
  }

  @Test
  void shouldLoseHealthWhenNoNacksAreExpected() {
    // TestMemberList_ProbeNode_Awareness_OldProtocol: nodes without a version vector send no nacks.
    SimNode n1 = node(fast(10, 200));
    SimNode n2 = node(b -> b);
    SimNode n3 = node(b -> b);
    SimNode n4 = node(b -> b); // never started
    SwimEngine m1 = run(n1);
    SwimEngine m2 = run(n2);
    SwimEngine m3 = run(n3);
    know(m1, n1, true, null);
    know(m1, n2, false, null);
    know(m1, n3, false, null);
    know(m1, n4, false, null);
    long took = probeAndWait(n1, m1, n4);
    assertEquals(NodeStateType.SUSPECT, m1.memberState(n4.name()));
    assertTrue(took <= 200 * MS + 20 * MS, "took too long to probe: " + took);
    sim.runFor(Duration.ofMillis(220));
    assertTrue(m2.prober().sequenceNum() == 1 || m3.prober().sequenceNum() == 1);
    assertEquals(1, m1.healthScore());
  }

  @Test
  void shouldPiggyBackASuspectSoTheTargetRefutes() {
    // TestMemberList_ProbeNode_Buddy.
    SimNode n1 = node(fast(1, 10));
    SimNode n2 = node(b -> b);
    SwimEngine m1 = run(n1);
    SwimEngine m2 = run(n2);
    know(m1, n1, true);
    know(m1, n2, false);
    know(m2, n2, true);
    m2.broadcasts().reset();
    m1.membership().nodes().get(n2.name()).state = NodeStateType.SUSPECT;
    m1.prober().probeNode(m1.membership().nodes().get(n2.name()), sim.now());
    sim.wake(n1);
    sim.runFor(Duration.ofMillis(5));
    assertEquals(1, m1.prober().sequenceNum(), "a ping was sent");
    assertEquals(1, m2.broadcasts().numQueued(), "expected only one queued message");
    byte[] queued = m2.broadcasts().orderedView(true).get(0).broadcast.message();
    assertEquals(MessageType.ALIVE.code(), queued[0] & 0xFF, "expected queued alive msg");
    assertInstanceOf(Alive.class, Codec.decode(queued, 0, queued.length));
  }

  @Test
  void shouldGossipQueuedBroadcasts() {
    // TestMemberlist_Gossip: m2 learns all three nodes from m1's gossip.
    SimNode n1 = node(b -> b.gossipInterval(Duration.ofMillis(10)));
    SimNode n2 = node(b -> b.gossipInterval(Duration.ofMillis(10)));
    SimNode n3 = node(b -> b); // never started
    SwimEngine m1 = run(n1);
    SimNode observer = n2;
    run(n2);
    know(m1, n1, true);
    know(m1, n2, false);
    know(m1, n3, false);
    m1.gossiper().gossip(sim.now());
    sim.runFor(Duration.ofMillis(3));
    assertEquals(3, observer.delegate().joins(), "expected 3 join events from gossip");
  }

  @Test
  void shouldGossipToTheDeadOnlyWithinGossipToTheDeadTime() {
    // TestMemberlist_GossipToDead.
    SimNode n1 =
        node(
            b -> b.gossipInterval(Duration.ofMillis(1)).gossipToTheDead(Duration.ofMillis(100)));
    SimNode n2 = node(b -> b);
    SwimEngine m1 = run(n1);
    run(n2);
    know(m1, n1, true);
    know(m1, n2, false);
    NodeState s2 = m1.membership().nodes().get(n2.name());
    s2.state = NodeStateType.DEAD;
    s2.stateChangeNanos = sim.now() - 200 * MS;
    m1.gossiper().gossip(sim.now());
    sim.runFor(Duration.ofMillis(50));
    assertEquals(0, n2.delegate().joins(), "shouldn't get gossip");

    s2.stateChangeNanos = sim.now() - 20 * MS;
    m1.gossiper().gossip(sim.now());
    sim.runFor(Duration.ofMillis(3));
    assertEquals(2, n2.delegate().joins(), "expected 2 messages from gossip");
  }

  @Test
  void shouldPushPullWithARandomAliveNode() {
    // TestMemberlist_PushPull.
    SimNode n1 = node(b -> b.gossipInterval(Duration.ofSeconds(10)));
    SimNode n2 = node(b -> b.gossipInterval(Duration.ofSeconds(10)));
    SwimEngine m1 = run(n1);
    run(n2);
    know(m1, n1, true);
    know(m1, n2, false);
    boolean[] done = new boolean[1];
    m1.sync().pushPull(sim.now(), t -> done[0] = true);
    sim.wake(n1);
    sim.runFor(Duration.ofMillis(3));
    assertTrue(done[0]);
    assertEquals(2, n2.delegate().joins(), "expected 2 messages from pushPull");
  }
}
