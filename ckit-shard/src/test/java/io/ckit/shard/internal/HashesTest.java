/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ports Go ckit's {@code internal/chash/chash_test.go} (consistency and distribution for every
 * algorithm), and checks the shortcuts this port takes against plain recomputation.
 */
class HashesTest {
  /** Go's {@code allHashes}. */
  static Stream<Arguments> allHashes() {
    return Stream.of(
        Arguments.of("ring 256 tokens", (Supplier<Algorithm>) () -> new RingAlgorithm(256)),
        Arguments.of("ring 512 tokens", (Supplier<Algorithm>) () -> new RingAlgorithm(512)),
        Arguments.of("rendezvous", (Supplier<Algorithm>) RendezvousAlgorithm::new),
        Arguments.of("multiprobe", (Supplier<Algorithm>) MultiprobeAlgorithm::new));
  }

  /** Go's {@code TestHashes_Consistent}. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("allHashes")
  void shouldHashConsistently(String name, Supplier<Algorithm> factory) {
    Algorithm h = factory.get();
    List<String> nodes = List.of("node-a", "node-b", "node-c");
    long key = Xxh64.hashString("some-key");

    List<String> allOwners = get(h, nodes, key, nodes.size());
    assertEquals(new HashSet<>(nodes), new HashSet<>(allOwners), "did not get all input nodes");

    // Removing allOwners[0] makes allOwners[1] the top owner.
    List<String> newOwners = get(h, allOwners.subList(1, 3), key, 2);
    assertEquals(2, newOwners.size());
    assertEquals(allOwners.get(1), newOwners.get(0), "hash not using consistent hashing");

    // Removing allOwners[1] makes allOwners[2] the second-best owner.
    newOwners = get(h, List.of(allOwners.get(0), allOwners.get(2)), key, 2);
    assertEquals(2, newOwners.size());
    assertEquals(allOwners.get(2), newOwners.get(1), "hash not using consistent hashing");
  }

  /** Go's {@code TestHashes_Distribution}: 10 nodes, 100,000 keys, every node within 25%. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("allHashes")
  void shouldDistributeEvenly(String name, Supplier<Algorithm> factory) {
    int numNodes = 10;
    int numHashes = 10_000 * numNodes;
    int perfect = numHashes / numNodes;
    int minDist = perfect - (int) Math.floor(0.25 * perfect);
    int maxDist = perfect + (int) Math.ceil(0.25 * perfect);

    SplittableRandom r = new SplittableRandom(0);
    List<String> nodes = new ArrayList<>();
    Map<String, Integer> dist = new HashMap<>();
    for (int n = 0; n < numNodes; n++) {
      nodes.add(randomHex(r));
      dist.put(nodes.get(n), 0);
    }
    Table table = factory.get().build(nodes(nodes));
    for (int i = 0; i < numHashes; i++) {
      for (Peer owner : table.lookup(Xxh64.hashString(randomHex(r)), 1)) {
        dist.merge(owner.name(), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> e : dist.entrySet()) {
      assertTrue(e.getValue() >= minDist && e.getValue() <= maxDist,
          "unacceptable distribution for " + e.getKey() + ": expected [" + minDist + ", "
              + maxDist + "], got " + e.getValue() + " (all: " + dist + ")");
    }
  }

  /** The read-write table is derived from the read one; it must equal a fresh build. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("allHashes")
  void shouldRestrictLikeAFreshBuild(String name, Supplier<Algorithm> factory) {
    SplittableRandom r = new SplittableRandom(name.hashCode());
    Algorithm algorithm = factory.get();
    for (int round = 0; round < 8; round++) {
      List<String> names = new ArrayList<>();
      for (int i = 0, n = 1 + r.nextInt(60); i < n; i++) {
        names.add("n" + r.nextInt(1000) + "-" + i);
      }
      Nodes all = nodes(names);
      int[] remap = new int[all.size()];
      int kept = 0;
      for (int i = 0; i < remap.length; i++) {
        remap[i] = r.nextInt(3) == 0 ? -1 : kept++;
      }
      if (kept == 0) {
        continue;
      }
      Nodes subset = all.subset(remap, kept);
      Table restricted = algorithm.build(all).restrict(subset, remap);
      Table fresh = algorithm.build(subset);
      assertEquals(fresh.size(), restricted.size());
      for (int k = 0; k < 200; k++) {
        long key = r.nextLong();
        int n = 1 + r.nextInt(kept);
        assertEquals(List.of(fresh.lookup(key, n)), List.of(restricted.lookup(key, n)));
      }
    }
  }

  /** Rendezvous keeps a bounded heap; it must give the order of Go's full sort for every n. */
  @Test
  void shouldRankRendezvousLikeAFullSort() {
    SplittableRandom r = new SplittableRandom(42);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      names.add("node_" + i);
    }
    Nodes nodes = nodes(names);
    Table table = new RendezvousAlgorithm().build(nodes);
    for (int k = 0; k < 200; k++) {
      long key = r.nextLong();
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparing(
          (Integer i) -> RendezvousAlgorithm.xorshiftMult64(
              key ^ Xxh64.hashString(nodes.peer(i).name())),
          Long::compareUnsigned));
      for (int n = 1; n <= nodes.size(); n++) {
        Peer[] got = table.lookup(key, n);
        for (int j = 0; j < n; j++) {
          assertEquals(nodes.peer(order.get(j)), got[j], "key " + key + " n " + n + " rank " + j);
        }
      }
    }
  }

  /** Ring lookups switch to a bit set above 16 owners; both paths must agree with each other. */
  @Test
  void shouldCollectManyRingOwnersInRingOrder() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      names.add("node_" + i);
    }
    Table table = new RingAlgorithm(8).build(nodes(names));
    SplittableRandom r = new SplittableRandom(1);
    for (int k = 0; k < 50; k++) {
      long key = r.nextLong();
      Peer[] all = table.lookup(key, 100);
      assertEquals(100, new HashSet<>(Arrays.asList(all)).size());
      for (int n = 1; n <= 100; n++) {
        assertEquals(Arrays.asList(all).subList(0, n), List.of(table.lookup(key, n)));
      }
    }
  }

  /** The branch-free comparisons of multiprobe lookups, against the JDK's unsigned compare. */
  @Test
  void shouldCompareUnsignedWithMasks() {
    SplittableRandom r = new SplittableRandom(4);
    long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1};
    for (int i = 0; i < 100_000; i++) {
      long a = i < 36 ? edges[i % 6] : r.nextLong();
      long b = i < 36 ? edges[i / 6] : r.nextInt(3) == 0 ? a + r.nextInt(3) - 1 : r.nextLong();
      assertEquals(Long.compareUnsigned(a, b) < 0 ? -1L : 0L, MultiprobeAlgorithm.lessMask(a, b));
      assertEquals(Long.compareUnsigned(a, b) < 0 ? b - a : a - b,
          MultiprobeAlgorithm.distance(a, b));
    }
  }

  private static List<String> get(Algorithm h, List<String> names, long key, int n) {
    List<String> out = new ArrayList<>();
    for (Peer p : h.build(nodes(names)).lookup(key, n)) {
      out.add(p.name());
    }
    return out;
  }

  static Nodes nodes(List<String> names) {
    Peer[] peers = new Peer[names.size()];
    for (int i = 0; i < peers.length; i++) {
      peers[i] = new Peer(names.get(i), "", false, State.PARTICIPANT);
    }
    return Nodes.sorted(peers);
  }

  /** Go's {@code randStr}: five random bytes as hex (Go's {@code %2x} pads each byte to two). */
  private static String randomHex(SplittableRandom r) {
    byte[] b = new byte[5];
    r.nextBytes(b);
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02x", x & 0xFF));
    }
    return s.toString();
  }
}
