/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Op;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One node of a mixed-cluster test, whatever runs it: a Go node or a Java node in a child process
 * ({@link PeerProcess}), or a Java node in the test's JVM ({@link JavaNode}). Every node keeps a
 * ring (256 tokens), a rendezvous and a multiprobe sharder in sync with its peers.
 *
 * <p>Use from one test thread.
 */
interface Member extends AutoCloseable {
  /** How many times {@link #join} tries. */
  int JOIN_ATTEMPTS = 3;

  /** A join error line of a stalled stream exchange. */
  Pattern STALLED = Pattern.compile("Failed to join \\S+: (i/o timeout|EOF)$", Pattern.MULTILINE);

  /** Returns the node's name. */
  String name();

  /** Returns the {@code 127.0.0.1:port} the node advertises. */
  String address();

  /** Returns the peers the node currently lists, itself included. */
  List<Peer> peers();

  /**
   * Joins the cluster through the given addresses, once.
   *
   * @throws AssertionError (or a runtime exception) if no address could be joined
   */
  void joinOnce(List<String> addresses);

  /**
   * Joins the cluster through the given addresses, trying again (up to {@value #JOIN_ATTEMPTS}
   * attempts) only when an attempt failed as a stalled stream does: "i/o timeout" (our side's
   * deadline) or "EOF" (the other side's deadline closed the stream first).
   *
   * <p>Why: Go ckit's stream reader ({@code gossiphttp.packetsClientConn.readOrBlock} at the pinned
   * revision) can lose the wake-up for a frame that arrives just as it starts to wait: the reader
   * goroutine calls {@code readCnd.Broadcast()} without holding the cond's lock, then blocks
   * handing the frame over on an unbuffered channel, so the waiting side sleeps until its read
   * deadline (ckit's 2 s {@code TCPTimeout}) and the join fails. It happens between two Go nodes
   * too (about 1 join in 5,000 in each direction; see {@link GoStreamStallProbe}), so any join that
   * involves a Go node's stream can hit it. Each retry is printed; a stall on the Java side
   * would show up in the Java-only suites, which never retry.
   *
   * @throws AssertionError (or a runtime exception) if no address could be joined
   */
  default void join(List<String> addresses) {
    for (int attempt = 1; ; attempt++) {
      try {
        joinOnce(addresses);
        return;
      } catch (RuntimeException | AssertionError e) {
        if (attempt == JOIN_ATTEMPTS || !stalled(String.valueOf(e.getMessage()))) {
          throw e;
        }
        System.err.printf(
            "%s: join %s attempt %d stalled (Go ckit stream race, see Member.join); retrying%n",
            name(), addresses, attempt);
      }
    }
  }

  /**
   * Whether a failed join's message says its stream stalled ("Failed to join ADDR: i/o timeout"
   * or "...: EOF").
   */
  static boolean stalled(String joinError) {
    return STALLED.matcher(joinError).find();
  }

  /** Changes the node's state and waits until the change was gossiped. */
  void changeState(State to);

  /**
   * Looks up the owners of each key with one of the node's sharders.
   *
   * @param sharder {@code ring}, {@code rendezvous} or {@code multiprobe}
   * @return owner names per key, in key order; a failed lookup gives {@code ["error: ..."]}
   */
  List<List<String>> owners(String sharder, int count, Op op, List<String> keys);

  /** Leaves the cluster gracefully and stops the node (its process or server keeps running). */
  void leave();

  /** Releases everything the node holds (leaving first if it has not). */
  @Override
  void close();
}
