/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Op;
import java.util.List;

/**
 * One node of a mixed-cluster test, whatever runs it: a Go node or a Java node in a child process
 * ({@link PeerProcess}), or a Java node in the test's JVM ({@link JavaNode}). Every node keeps a
 * ring (256 tokens), a rendezvous and a multiprobe sharder in sync with its peers.
 *
 * <p>Use from one test thread.
 */
interface Member extends AutoCloseable {
  /** Returns the node's name. */
  String name();

  /** Returns the {@code 127.0.0.1:port} the node advertises. */
  String address();

  /** Returns the peers the node currently lists, itself included. */
  List<Peer> peers();

  /**
   * Joins the cluster through the given addresses.
   *
   * @throws AssertionError (or a runtime exception) if no address could be joined
   */
  void join(List<String> addresses);

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
