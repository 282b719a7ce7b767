/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Key;
import io.ckit.shard.NotEnoughNodesException;
import io.ckit.shard.Op;
import io.ckit.shard.Sharder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Compares every sharder answer with the real Go ckit {@code shard} package: random peer sets of
 * 0 to 1000 peers in mixed states, ring (1 to 512 tokens), rendezvous and multiprobe, both ops,
 * owner counts from negative to more than eligible, raw keys (extremes, on and next to tokens) and
 * string keys. Cases come from {@code ckit-oracle shard-golden} ({@code interop/go/shard.go}).
 */
class ShardGoldenTest {
  private static final int MIN_CASES = 12_000;

  @Test
  void shouldReturnGoOwnersForRandomCases() {
    String out =
        GoOracle.run(300, null, "shard-golden", "-seed", "20251024", "-cases", "" + MIN_CASES)
            .stdoutText();
    Checker checker = new Checker();
    for (String line : out.split("\n")) {
      checker.line(line);
    }
    assertTrue(checker.lookups >= MIN_CASES, "only " + checker.lookups + " lookups checked");
    // The generator must have exercised every algorithm, op and outcome.
    assertEquals(Set.of("ring", "rendezvous", "multiprobe"), checker.algorithms.keySet());
    // Token counts past 256 wrap the appended byte while the hashed text keeps growing.
    assertTrue(checker.ringTokens.contains(1) && checker.ringTokens.stream().anyMatch(t -> t > 256),
        () -> "ring token counts: " + checker.ringTokens);
    for (Map.Entry<String, Integer> e : checker.outcomes.entrySet()) {
      if (!e.getKey().equals("neverSet")) {
        assertTrue(e.getValue() >= 20, "too few " + e.getKey() + " cases: " + checker.outcomes);
      }
    }
    assertTrue(checker.outcomes.get("neverSet") >= 1, checker.outcomes::toString);
    assertEquals(Set.of("ok", "err", "panic", "stringKey", "rawKey", "read", "readWrite",
        "topBitKey", "largeSet", "mixedStates", "neverSet", "reusedSharder", "newSharder"),
        checker.outcomes.keySet());
  }

  /** Replays the oracle's lines against Java sharders. */
  private static final class Checker {
    final Map<String, Integer> algorithms = new HashMap<>();
    final Set<Integer> ringTokens = new HashSet<>();
    final Map<String, Integer> outcomes = new HashMap<>();
    int lookups;

    private String setLine;
    private Sharder sharder;
    private int expectedPeers;
    private final List<Peer> peers = new ArrayList<>();
    private final Map<Peer, Integer> index = new HashMap<>();
    private final Map<Op, Integer> eligible = new EnumMap<>(Op.class);

    void line(String line) {
      String[] f = line.split(" ");
      switch (f[0]) {
        case "set" -> startSet(line, f);
        case "p" -> addPeer(f);
        case "peers" -> checkPeers(f);
        case "lk" -> checkLookup(line, Key.of(Long.parseUnsignedLong(f[3])), f, 4);
        case "ls" -> {
          Key key = Key.of(Hex.text(f[3]));
          assertEquals(Long.parseUnsignedLong(f[4]), key.value(), () -> "Key.of: " + line);
          count("stringKey");
          checkLookup(line, key, f, 5);
        }
        default -> fail("unexpected oracle line: " + line);
      }
    }

    private void startSet(String line, String[] f) {
      setLine = line;
      String algorithm = f[2];
      algorithms.merge(algorithm, 1, Integer::sum);
      if (algorithm.equals("ring")) {
        ringTokens.add(Integer.parseInt(f[3]));
      }
      if (f[4].equals("0")) {
        sharder =
            switch (algorithm) {
              case "ring" -> Sharder.ring(Integer.parseInt(f[3]));
              case "rendezvous" -> Sharder.rendezvous();
              case "multiprobe" -> Sharder.multiprobe();
              default -> throw new AssertionError(line);
            };
      }
      expectedPeers = Integer.parseInt(f[5]);
      peers.clear();
      index.clear();
      count(expectedPeers < 0 ? "neverSet" : f[4].equals("1") ? "reusedSharder" : "newSharder");
    }

    private void addPeer(String[] f) {
      Peer p =
          new Peer(Hex.text(f[1]), Hex.text(f[2]), f[3].equals("1"),
              State.fromWireValue(Integer.parseInt(f[4])));
      index.put(p, peers.size());
      peers.add(p);
    }

    private void checkPeers(String[] f) {
      if (expectedPeers >= 0) {
        sharder.setPeers(peers);
      }
      eligible.put(Op.READ, 0);
      eligible.put(Op.READ_WRITE, 0);
      for (Peer p : peers) {
        if (expectedPeers >= 0 && p.state() != State.VIEWER) {
          eligible.merge(Op.READ, 1, Integer::sum);
          if (p.state() == State.PARTICIPANT) {
            eligible.merge(Op.READ_WRITE, 1, Integer::sum);
          }
        }
      }
      if (eligible.get(Op.READ) > eligible.get(Op.READ_WRITE) && eligible.get(Op.READ_WRITE) > 0) {
        count("mixedStates");
      }
      assertEquals(expected(f, 1), names(sharder.peers()), () -> "peers() after " + setLine);
    }

    private void checkLookup(String line, Key key, String[] f, int result) {
      lookups++;
      Op op = f[1].equals("0") ? Op.READ : Op.READ_WRITE;
      count(op == Op.READ ? "read" : "readWrite");
      if (f[0].equals("lk")) {
        count(key.value() < 0 ? "topBitKey" : "rawKey");
      }
      if (peers.size() >= 500) {
        count("largeSet");
      }
      int n = Integer.parseInt(f[2]);
      String context = setLine + " / " + line;
      switch (f[result]) {
        case "ok" -> {
          count("ok");
          List<Peer> owners = sharder.lookup(key, n, op);
          assertEquals(expected(f, result + 1), names(owners), () -> context);
          for (Peer p : owners) {
            assertEquals(peers.get(index.get(p)), p, () -> context);
          }
        }
        case "err" -> {
          count("err");
          NotEnoughNodesException e =
              assertThrows(NotEnoughNodesException.class, () -> sharder.lookup(key, n, op),
                  () -> context);
          assertEquals(goText(f, result + 1), e.getMessage(), () -> context);
          assertEquals(n, e.need(), () -> context);
          assertEquals(eligible.get(op), e.have(), () -> context);
        }
        case "panic" -> {
          // Go panics on a negative count (makeslice); Java rejects it up front.
          count("panic");
          assertTrue(n < 0, () -> "Go panicked on a count Java accepts: " + context);
          assertThrows(IllegalArgumentException.class, () -> sharder.lookup(key, n, op),
              () -> context);
        }
        default -> fail("unexpected result in " + context);
      }
    }

    private List<String> expected(String[] f, int from) {
      List<String> names = new ArrayList<>();
      for (int i = from; i < f.length; i++) {
        names.add(peers.get(Integer.parseInt(f[i])).name());
      }
      return names;
    }

    private static List<String> names(List<Peer> ps) {
      List<String> names = new ArrayList<>();
      for (Peer p : ps) {
        names.add(p.name());
      }
      return names;
    }

    private static String goText(String[] f, int from) {
      return String.join(" ", List.of(f).subList(from, f.length));
    }

    private void count(String outcome) {
      outcomes.merge(outcome, 1, Integer::sum);
    }
  }
}
