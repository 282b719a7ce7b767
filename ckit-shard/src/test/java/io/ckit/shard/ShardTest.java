/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ports Go ckit's {@code shard/shard_test.go}, plus the Java API's edge cases. */
class ShardTest {
  private static final Peer VIEWER = new Peer("viewer-peer", "", false, State.VIEWER);
  private static final Peer PARTICIPANT = new Peer("participant-peer", "", false, State.PARTICIPANT);
  private static final Peer TERMINATING = new Peer("terminating-peer", "", false, State.TERMINATING);

  static Stream<Arguments> sharders() {
    return Stream.of(
        Arguments.of("ring 128", (Supplier<Sharder>) () -> Sharder.ring(128)),
        Arguments.of("ring 1", (Supplier<Sharder>) () -> Sharder.ring(1)),
        Arguments.of("rendezvous", (Supplier<Sharder>) Sharder::rendezvous),
        Arguments.of("multiprobe", (Supplier<Sharder>) Sharder::multiprobe));
  }

  /**
   * Go's {@code Example}; its pinned {@code // Output:} is "Owner of example-key: node-b". The
   * region is the example in {@link Sharder}'s Javadoc (ckit-examples' {@code JavadocSnippetsTest}
   * keeps them identical).
   */
  @Test
  void shouldMatchGoExampleOutput() {
    // @start region=example
    Sharder ring = Sharder.ring(256);
    ring.setPeers(
        List.of(
            new Peer("viewer-a", "", false, State.VIEWER),
            new Peer("viewer-b", "", false, State.VIEWER),
            new Peer("viewer-c", "", false, State.VIEWER),
            new Peer("node-a", "", false, State.PARTICIPANT),
            new Peer("node-b", "", false, State.PARTICIPANT),
            new Peer("node-c", "", false, State.TERMINATING)));
    // Only participants own keys for writes; terminating peers still own keys for reads.
    List<Peer> owners = ring.lookup(Key.of("example-key"), 1, Op.READ_WRITE);
    String owner = owners.get(0).name(); // node-b, as in Go
    // @end
    assertEquals("Owner of example-key: node-b", "Owner of example-key: " + owner);
    Key key = Key.of("example-key");
    assertEquals(List.of("node-a", "node-b"), sortedNames(ring.lookup(key, 2, Op.READ_WRITE)));
    assertEquals(List.of("node-a", "node-b", "node-c"), sortedNames(ring.lookup(key, 3, Op.READ)));
  }

  private static List<String> sortedNames(List<Peer> peers) {
    return peers.stream().map(Peer::name).sorted().toList();
  }

  /** Go's {@code Test_Lookup}, run for every algorithm (Go runs it for a 128-token ring). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sharders")
  void shouldChooseOwnersByState(String name, Supplier<Sharder> factory) {
    assertLookup(factory, List.of(VIEWER), Op.READ, null,
        "not enough nodes: need at least 1, have 0");
    assertLookup(factory, List.of(VIEWER, PARTICIPANT), Op.READ, PARTICIPANT, null);
    assertLookup(factory, List.of(VIEWER, TERMINATING), Op.READ, TERMINATING, null);
    assertLookup(factory, List.of(VIEWER, TERMINATING), Op.READ_WRITE, null,
        "not enough nodes: need at least 1, have 0");
    assertLookup(factory, List.of(VIEWER, PARTICIPANT, TERMINATING), Op.READ_WRITE, PARTICIPANT,
        null);
  }

  private static void assertLookup(
      Supplier<Sharder> factory, List<Peer> peers, Op op, Peer expectPeer, String expectError) {
    Sharder sharder = factory.get();
    sharder.setPeers(peers);
    if (expectError != null) {
      NotEnoughNodesException e =
          assertThrows(NotEnoughNodesException.class, () -> sharder.lookup(Key.of(0), 1, op));
      assertEquals(expectError, e.getMessage());
    } else {
      assertEquals(List.of(expectPeer), sharder.lookup(Key.of(0), 1, op));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharders")
  void shouldReportNeedAndHaveWhenTooFewPeers(String name, Supplier<Sharder> factory) {
    Sharder sharder = factory.get();
    sharder.setPeers(List.of(PARTICIPANT, TERMINATING, VIEWER));
    NotEnoughNodesException e =
        assertThrows(NotEnoughNodesException.class, () -> sharder.lookup(Key.of(7), 3, Op.READ));
    assertEquals("not enough nodes: need at least 3, have 2", e.getMessage());
    assertEquals(3, e.need());
    assertEquals(2, e.have());
    assertEquals(2, sharder.lookup(Key.of(7), 2, Op.READ).size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharders")
  void shouldHandleZeroAndNegativeOwnerCounts(String name, Supplier<Sharder> factory) {
    Sharder sharder = factory.get();
    // Before any setPeers, as in Go: zero owners is fine, one is too many.
    assertEquals(List.of(), sharder.lookup(Key.of(1), 0, Op.READ_WRITE));
    assertEquals(List.of(), sharder.peers());
    assertThrows(NotEnoughNodesException.class, () -> sharder.lookup(Key.of(1), 1, Op.READ));
    sharder.setPeers(List.of(PARTICIPANT));
    assertEquals(List.of(), sharder.lookup(Key.of(1), 0, Op.READ));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sharder.lookup(Key.of(1), -1, Op.READ));
    assertEquals("numOwners must not be negative, got -1", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharders")
  void shouldReturnSortedEligiblePeersAndLeaveInputAlone(String name, Supplier<Sharder> factory) {
    Sharder sharder = factory.get();
    Peer b = new Peer("b", "2", false, State.TERMINATING);
    Peer a = new Peer("a", "1", true, State.PARTICIPANT);
    // "\uFF61" sorts before "\uD83D\uDE00" in UTF-16 but after it in UTF-8, Go's order.
    Peer high = new Peer("\uFF61", "3", false, State.PARTICIPANT);
    Peer emoji = new Peer("\uD83D\uDE00", "4", false, State.PARTICIPANT);
    List<Peer> input = new ArrayList<>(List.of(b, VIEWER, high, a, emoji));
    List<Peer> copy = List.copyOf(input);
    sharder.setPeers(input);
    assertEquals(copy, input);
    assertEquals(List.of(a, b, high, emoji), sharder.peers());
    assertThrows(UnsupportedOperationException.class, () -> sharder.peers().add(a));
    List<Peer> owners = sharder.lookup(Key.of("k"), 4, Op.READ);
    assertEquals(4, owners.stream().distinct().count());
    assertThrows(UnsupportedOperationException.class, () -> owners.set(0, a));
    assertEquals(3, sharder.lookup(Key.of("k"), 3, Op.READ_WRITE).size());
    assertTrue(sharder.lookup(Key.of("k"), 3, Op.READ_WRITE).stream()
        .allMatch(p -> p.state() == State.PARTICIPANT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharders")
  void shouldRejectDuplicateEligibleNames(String name, Supplier<Sharder> factory) {
    Sharder sharder = factory.get();
    Peer twin = new Peer(PARTICIPANT.name(), "other", false, State.TERMINATING);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> sharder.setPeers(List.of(PARTICIPANT, twin)));
    assertTrue(e.getMessage().startsWith("duplicate peer name \"participant-peer\""),
        e.getMessage());
    // Viewers are ignored before names are compared, as Go drops them before hashing.
    Peer viewerTwin = new Peer(PARTICIPANT.name(), "other", false, State.VIEWER);
    sharder.setPeers(List.of(PARTICIPANT, viewerTwin));
    assertEquals(List.of(PARTICIPANT), sharder.peers());
  }

  @Test
  void shouldRejectNullsAndBadTokenCounts() {
    Sharder sharder = Sharder.multiprobe();
    assertThrows(NullPointerException.class, () -> sharder.setPeers(null));
    List<Peer> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> sharder.setPeers(withNull));
    assertThrows(NullPointerException.class, () -> sharder.lookup(null, 0, Op.READ));
    assertThrows(NullPointerException.class, () -> sharder.lookup(Key.of(0), 0, null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sharder.ring(0));
    assertEquals("numTokens must be positive, got 0", e.getMessage());
  }
}
