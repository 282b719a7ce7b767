/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ckit.internal.transport.TestCerts;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Java ckit node and a real Go ckit node ({@code ckit-oracle peer}) form one cluster, over h2c
 * and over TLS, whichever joins the other: each sees the other alive at its advertised address
 * with the ckit state it announced, and sees it go when it leaves gracefully.
 */
@Timeout(180)
class NodeInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  enum Mode {
    H2C,
    TLS
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void javaNodeShouldJoinGoNodeAndSeeItLeave(Mode mode) throws Exception {
    try (GoPeer go = startGo(mode, "go-1");
        JavaNode java = JavaNode.start("java-1", mode == Mode.TLS, b -> b)) {
      java.join(List.of(go.address()));
      assertBothSeeEachOther(go, java);

      java.node.changeState(State.PARTICIPANT).join();
      go.command("state participant");
      go.command("state terminating");
      java.awaitPeers(peers -> states(peers).equals(Map.of(
          "go-1", State.TERMINATING, "java-1", State.PARTICIPANT)), WAIT);
      go.awaitPeers(peers -> states(peers).equals(Map.of(
          "go-1", State.TERMINATING, "java-1", State.PARTICIPANT)), WAIT);

      go.command("stop"); // Go's Stop: leave, then shutdown
      java.awaitPeers(peers -> names(peers).equals(List.of("java-1")), WAIT);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void goNodeShouldJoinJavaNodeAndSeeItLeave(Mode mode) throws Exception {
    try (GoPeer go = startGo(mode, "go-2");
        JavaNode java = JavaNode.start("java-2", mode == Mode.TLS, b -> b)) {
      java.node.start(List.of());
      go.join(List.of(java.address));
      assertBothSeeEachOther(go, java);

      go.command("state participant");
      java.node.changeState(State.PARTICIPANT).join();
      java.node.changeState(State.TERMINATING).join();
      java.awaitPeers(peers -> states(peers).equals(Map.of(
          "go-2", State.PARTICIPANT, "java-2", State.TERMINATING)), WAIT);
      go.awaitPeers(peers -> states(peers).equals(Map.of(
          "go-2", State.PARTICIPANT, "java-2", State.TERMINATING)), WAIT);

      go.clearEvents();
      java.node.stop();
      go.awaitPeers(peers -> names(peers).equals(List.of("go-2")), WAIT);
    }
  }

  private static void assertBothSeeEachOther(GoPeer go, JavaNode java) {
    java.awaitPeers(peers -> peers.size() == 2, WAIT);
    List<Peer> goPeers = go.awaitPeers(peers -> peers.size() == 2, WAIT);
    String goName = go.name();
    String javaName = java.node.config().name();
    assertEquals(
        sorted(List.of(
            new Peer(goName, go.address(), false, State.VIEWER),
            new Peer(javaName, java.address, true, State.VIEWER))),
        java.node.peers());
    assertEquals(
        sorted(List.of(
            new Peer(goName, go.address(), true, State.VIEWER),
            new Peer(javaName, java.address, false, State.VIEWER))),
        sorted(goPeers));
  }

  private static List<Peer> sorted(List<Peer> peers) {
    return peers.stream().sorted(java.util.Comparator.comparing(Peer::name)).toList();
  }

  private static List<String> names(List<Peer> peers) {
    return peers.stream().map(Peer::name).sorted().toList();
  }

  private static Map<String, State> states(List<Peer> peers) {
    Map<String, State> states = new TreeMap<>();
    for (Peer peer : peers) {
      states.put(peer.name(), peer.state());
    }
    return states;
  }

  static GoPeer startGo(Mode mode, String name) {
    return GoPeer.start(
        mode == Mode.TLS
            ? GoPeer.Options.tls(name, TestCerts.certPem(), TestCerts.keyPem(), TestCerts.certPem())
            : GoPeer.Options.plain(name));
  }
}
