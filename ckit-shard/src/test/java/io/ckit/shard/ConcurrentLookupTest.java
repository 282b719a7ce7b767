/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lookups on several threads while another thread keeps replacing the peers: every answer must be
 * exactly the answer of one of the published peer sets (never a mix of two, never a failure), and
 * every reader must have seen every set, so the race really happened.
 */
class ConcurrentLookupTest {
  private static final int SETS = 5;
  private static final int KEYS = 64;
  private static final int READERS = 3;

  static Stream<Arguments> sharders() {
    return Stream.of(
        Arguments.of("ring", (Supplier<Sharder>) () -> Sharder.ring(64)),
        Arguments.of("rendezvous", (Supplier<Sharder>) Sharder::rendezvous),
        Arguments.of("multiprobe", (Supplier<Sharder>) Sharder::multiprobe));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharders")
  @Timeout(120)
  void shouldSeeOnlyWholePublishedPeerSets(String name, Supplier<Sharder> factory)
      throws Exception {
    List<List<Peer>> sets = new ArrayList<>();
    for (int s = 0; s < SETS; s++) {
      sets.add(peerSet(s));
    }
    Key[] keys = new Key[KEYS];
    for (int k = 0; k < KEYS; k++) {
      keys[k] = Key.of("key-" + k);
    }
    // Expected answers, computed single-threaded on a fresh sharder per set.
    List<List<Peer>> expectedPeers = new ArrayList<>();
    List<Peer>[][][] expected = newExpected();
    for (int s = 0; s < SETS; s++) {
      Sharder reference = factory.get();
      reference.setPeers(sets.get(s));
      expectedPeers.add(reference.peers());
      for (int k = 0; k < KEYS; k++) {
        expected[s][k][0] = reference.lookup(keys[k], 2, Op.READ_WRITE);
        expected[s][k][1] = reference.lookup(keys[k], 3, Op.READ);
      }
    }

    Sharder sharder = factory.get();
    sharder.setPeers(sets.get(0));
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch readersDone = new CountDownLatch(READERS);
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
    try {
      Future<Integer> writer =
          pool.submit(
              () -> {
                int published = 0;
                while (!stop.get()) {
                  sharder.setPeers(sets.get(published++ % SETS));
                }
                return published;
              });
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        int seed = r;
        readers.add(
            pool.submit(
                () -> {
                  boolean[] seen = new boolean[SETS];
                  int unseen = SETS;
                  long lookups = 0;
                  try {
                    for (int i = seed; unseen > 0 || lookups < 20_000; i++) {
                      int set = expectedPeers.indexOf(sharder.peers());
                      if (set < 0) {
                        failures.add("peers() matches no published set: " + sharder.peers());
                        return lookups;
                      }
                      if (!seen[set]) {
                        seen[set] = true;
                        unseen--;
                      }
                      int k = i % KEYS;
                      int op = (i / KEYS) % 2;
                      List<Peer> got =
                          op == 0
                              ? sharder.lookup(keys[k], 2, Op.READ_WRITE)
                              : sharder.lookup(keys[k], 3, Op.READ);
                      lookups++;
                      if (!matchesSomeSet(expected, k, op, got)) {
                        failures.add("key " + k + " op " + op + ": " + got
                            + " is the answer of no published set");
                        return lookups;
                      }
                    }
                    return lookups;
                  } catch (RuntimeException e) {
                    failures.add("lookup threw " + e);
                    return lookups;
                  } finally {
                    readersDone.countDown();
                  }
                }));
      }
      assertTrue(readersDone.await(100, TimeUnit.SECONDS), "readers did not finish");
      stop.set(true);
      int published = writer.get(10, TimeUnit.SECONDS);
      for (Future<Long> reader : readers) {
        assertTrue(reader.get() >= 20_000 || !failures.isEmpty());
      }
      assertEquals(List.of(), List.copyOf(failures));
      assertTrue(published > SETS, "the writer published only " + published + " sets");
    } finally {
      stop.set(true);
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  private static boolean matchesSomeSet(List<Peer>[][][] expected, int k, int op, List<Peer> got) {
    for (List<Peer>[][] set : expected) {
      if (set[k][op].equals(got)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Peer>[][][] newExpected() {
    return new List[SETS][KEYS][2];
  }

  /** Set s: overlapping names, varied sizes and states, so answers differ from set to set. */
  private static List<Peer> peerSet(int s) {
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < 8 + 6 * s; i++) {
      State state =
          i % 5 == 4 ? State.TERMINATING : i % 7 == 6 ? State.VIEWER : State.PARTICIPANT;
      peers.add(new Peer("peer-" + (i * (s + 1)), "10.0.0." + i + ":7946", i == 0, state));
    }
    return peers;
  }
}
