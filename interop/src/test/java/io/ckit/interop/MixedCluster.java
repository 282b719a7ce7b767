/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.transport.TestCerts;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The members of one mixed Java/Go cluster under test, over h2c or TLS: starts Java nodes (in this
 * JVM or in a child JVM) and Go nodes with the mode's settings, awaits what every member sees, and
 * compares their sharders. Use from one test thread; {@link #close()} stops every member still
 * registered.
 */
final class MixedCluster implements AutoCloseable {
  /** How nodes reach each other. */
  enum Mode {
    H2C,
    TLS
  }

  /** The sharders every member keeps. */
  static final List<String> SHARDERS = List.of("ring", "rendezvous", "multiprobe");

  /** The keys whose owners are compared. */
  static final List<String> KEYS = IntStream.range(0, 1000).mapToObj(i -> "key-" + i).toList();

  private final Mode mode;
  private final Map<String, Member> members = new LinkedHashMap<>();

  MixedCluster(Mode mode) {
    this.mode = mode;
  }

  /** Starts a Java node in this JVM. */
  JavaNode java(String name, String label) {
    return add(JavaNode.start(javaOptions(name, label, 0)));
  }

  /** Starts a Java node in a child JVM, on {@code port} (0 for any). */
  JvmPeer jvm(String name, int port) {
    return add(JvmPeer.start(javaOptions(name, "", port)));
  }

  /** Starts a Go node, on {@code port} (0 for any). */
  GoPeer go(String name, String label, int port) {
    GoPeer.Options options =
        mode == Mode.TLS
            ? GoPeer.Options.tls(name, TestCerts.certPem(), TestCerts.keyPem(), TestCerts.certPem())
            : GoPeer.Options.plain(name);
    return add(GoPeer.start(options.withLabel(label).withListen("127.0.0.1:" + port)));
  }

  private JavaNode.Options javaOptions(String name, String label, int port) {
    return JavaNode.Options.of(name, mode == Mode.TLS).withLabel(label).withPort(port);
  }

  private <M extends Member> M add(M member) {
    Member old = members.put(member.name(), member);
    if (old != null) {
      throw new IllegalStateException(member.name() + " is already a member; remove it first");
    }
    return member;
  }

  /** Forgets a member that left or crashed, closing what is left of it. */
  void remove(Member member) {
    members.remove(member.name()).close();
  }

  /** Returns the current members. */
  List<Member> members() {
    return List.copyOf(members.values());
  }

  /**
   * Waits until every member lists exactly the current members, each at its own address and in the
   * state {@code states} gives (viewer if absent).
   */
  void awaitViews(Map<String, State> states, Duration timeout) {
    long start = System.nanoTime();
    Map<String, String> expected = new TreeMap<>();
    for (Member m : members.values()) {
      expected.put(m.name(), m.address() + " " + states.getOrDefault(m.name(), State.VIEWER));
    }
    Map<String, Map<String, String>> seen = new TreeMap<>();
    Map<String, Map<String, String>> firstSeen = new TreeMap<>();
    Await.until(
        "every member to list " + expected,
        timeout,
        () -> {
          seen.clear();
          boolean all = true;
          for (Member m : members.values()) {
            Map<String, String> view = view(m);
            seen.put(m.name(), view);
            all &= view.equals(expected);
          }
          if (!all && System.nanoTime() - start > 3_000_000_000L && firstSeen.isEmpty()) {
            firstSeen.putAll(seen);
          }
          return all;
        },
        () -> describe(seen));
    log("every member lists " + expected.size() + " members as expected", start);
    if (!firstSeen.isEmpty()) {
      System.err.print("  (slow: after 3 s members saw\n" + describe(firstSeen) + "  )\n");
    }
  }

  /** Waits until no member lists any of {@code gone}. */
  void awaitGone(Set<String> gone, Duration timeout) {
    long start = System.nanoTime();
    Map<String, Map<String, String>> seen = new TreeMap<>();
    Await.until(
        "every member to drop " + gone,
        timeout,
        () -> {
          seen.clear();
          boolean all = true;
          for (Member m : members.values()) {
            Map<String, String> view = view(m);
            seen.put(m.name(), view);
            all &= Collections.disjoint(view.keySet(), gone);
          }
          return all;
        },
        () -> describe(seen));
    log("every member dropped " + gone, start);
  }

  private void log(String what, long start) {
    System.err.printf(
        "[mixed cluster %s] %s after %.1f s%n", mode, what, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Waits until every member's sharders give the same owners for every key, sharder and op, then
   * checks those owners: no lookup failed, owners are eligible for the op, and every eligible peer
   * owns some key.
   */
  void assertSameOwners(int count, Map<String, State> states, Duration timeout) {
    for (String sharder : SHARDERS) {
      for (Op op : Op.values()) {
        Map<String, List<List<String>>> byMember = new TreeMap<>();
        Await.until(
            "every member's " + sharder + " " + op + " owners to agree",
            timeout,
            () -> {
              byMember.clear();
              for (Member m : members.values()) {
                byMember.put(m.name(), m.owners(sharder, count, op, KEYS));
              }
              return new HashSet<>(byMember.values()).size() == 1;
            },
            () -> firstDifference(byMember));
        checkOwners(sharder, op, count, states, byMember.values().iterator().next());
      }
    }
  }

  private void checkOwners(
      String sharder, Op op, int count, Map<String, State> states, List<List<String>> owners) {
    Set<String> eligible = new HashSet<>();
    for (Member m : members.values()) {
      State s = states.getOrDefault(m.name(), State.VIEWER);
      if (s == State.PARTICIPANT || (op == Op.READ && s == State.TERMINATING)) {
        eligible.add(m.name());
      }
    }
    assertEquals(KEYS.size(), owners.size());
    Set<String> owning = new HashSet<>();
    for (int i = 0; i < owners.size(); i++) {
      List<String> keyOwners = owners.get(i);
      String where = sharder + " " + op + " " + KEYS.get(i) + ": " + keyOwners;
      assertEquals(count, keyOwners.size(), where);
      assertEquals(count, new HashSet<>(keyOwners).size(), "distinct owners, " + where);
      assertTrue(eligible.containsAll(keyOwners), "owners must be in " + eligible + ", " + where);
      owning.addAll(keyOwners);
    }
    assertEquals(eligible, owning, sharder + " " + op + ": every eligible peer owns some key");
    assertFalse(eligible.isEmpty());
  }

  private static Map<String, String> view(Member m) {
    Map<String, String> view = new TreeMap<>();
    for (Peer p : m.peers()) {
      view.put(p.name(), p.addr() + " " + p.state());
    }
    return view;
  }

  private static String describe(Map<String, Map<String, String>> seen) {
    StringBuilder out = new StringBuilder();
    seen.forEach(
        (name, view) -> out.append("  ").append(name).append(": ").append(view).append('\n'));
    return out.toString();
  }

  private static String firstDifference(Map<String, List<List<String>>> byMember) {
    List<String> names = new ArrayList<>(byMember.keySet());
    if (names.isEmpty()) {
      return "nothing";
    }
    List<List<String>> first = byMember.get(names.get(0));
    for (String name : names) {
      List<List<String>> other = byMember.get(name);
      for (int i = 0; i < KEYS.size(); i++) {
        if (!first.get(i).equals(other.get(i))) {
          return KEYS.get(i) + ": " + names.get(0) + " says " + first.get(i) + ", " + name
              + " says " + other.get(i);
        }
      }
    }
    return "no difference";
  }

  @Override
  public void close() {
    List<Member> all = new ArrayList<>(members.values());
    Collections.reverse(all);
    members.clear();
    RuntimeException failure = null;
    for (Member m : all) {
      try {
        m.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
