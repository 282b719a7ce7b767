/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.internal.ChashSharder;
import io.ckit.shard.internal.MultiprobeAlgorithm;
import io.ckit.shard.internal.RendezvousAlgorithm;
import io.ckit.shard.internal.RingAlgorithm;
import java.util.Collection;
import java.util.List;

/**
 * Finds the peers that own a key (Go ckit's {@code shard.Sharder}).
 *
 * <p>A sharder holds a set of peers, replaced as a whole by {@link #setPeers}, and answers {@link
 * #lookup}s against it. Viewers are never owners; terminating peers own keys for {@link Op#READ}
 * only; participants own keys for both ops. For the same peers, key, count and op every
 * implementation returns exactly the owners, in the same order, that the Go sharder of the same
 * name returns.
 *
 * <p>A ring with two participants (Go ckit's shard {@code Example}, compiled and run in {@code
 * ShardTest}). In a cluster, give the sharder to the node's configuration ({@code
 * Config.Builder.sharder} in ckit-core) and the node calls {@link #setPeers} on every change.
 *
 * <!-- snippet: ShardTest#example -->
 * <pre>{@code
 * Sharder ring = Sharder.ring(256);
 * ring.setPeers(
 *     List.of(
 *         new Peer("viewer-a", "", false, State.VIEWER),
 *         new Peer("viewer-b", "", false, State.VIEWER),
 *         new Peer("viewer-c", "", false, State.VIEWER),
 *         new Peer("node-a", "", false, State.PARTICIPANT),
 *         new Peer("node-b", "", false, State.PARTICIPANT),
 *         new Peer("node-c", "", false, State.TERMINATING)));
 * // Only participants own keys for writes; terminating peers still own keys for reads.
 * List<Peer> owners = ring.lookup(Key.of("example-key"), 1, Op.READ_WRITE);
 * String owner = owners.get(0).name(); // node-b, as in Go
 * }</pre>
 *
 * <p>Thread safety: all methods may be called concurrently. Each {@link #setPeers} publishes an
 * immutable snapshot; {@link #lookup} and {@link #peers} take no locks, never wait for a rebuild,
 * and always see one whole snapshot, never a mix of two. Concurrent {@link #setPeers} calls are
 * applied one at a time.
 */
public interface Sharder {

  /**
   * Returns a ring sharder (Go's {@code shard.Ring}): each peer gets {@code numTokens} tokens on a
   * 64-bit ring, and a key is owned by the peers of the next tokens clockwise from it; on equal
   * tokens the lexicographically smaller peer name comes first. Lookups take O(1) expected time;
   * memory grows with {@code numTokens} (256 or 512 is a good starting point).
   *
   * @param numTokens tokens per peer
   * @return a sharder with no peers
   * @throws IllegalArgumentException if {@code numTokens} is not positive (Go accepts it, then
   *     fails on the first lookup)
   */
  static Sharder ring(int numTokens) {
    return new ChashSharder(new RingAlgorithm(numTokens));
  }

  /**
   * Returns a rendezvous sharder (Go's {@code shard.Rendezvous}, highest random weight): excellent
   * load distribution; lookups take O(N) time in the number of eligible peers.
   *
   * @return a sharder with no peers
   */
  static Sharder rendezvous() {
    return new ChashSharder(new RendezvousAlgorithm());
  }

  /**
   * Returns a multi-probe sharder (Go's {@code shard.Multiprobe}, <a
   * href="https://arxiv.org/abs/1505.00062">arXiv:1505.00062</a>): one token per peer and 21 probes
   * per lookup, for a median peak-to-average load ratio of about 1.05.
   *
   * @return a sharder with no peers
   */
  static Sharder multiprobe() {
    return new ChashSharder(new MultiprobeAlgorithm());
  }

  /**
   * Replaces the peers used for sharding. Viewers are ignored. The collection is copied; it is not
   * modified (Go sorts the caller's slice in place).
   *
   * @param peers the cluster's peers, in any order
   * @throws NullPointerException if {@code peers} or any element is null
   * @throws IllegalArgumentException if two non-viewer peers have the same name (Go would return
   *     the name twice, or loop forever in a ring lookup), or if a ring would need more than about
   *     2^31 tokens
   */
  void setPeers(Collection<Peer> peers);

  /**
   * Returns the peers used for sharding: the participants and terminating peers of the last {@link
   * #setPeers}, sorted by name (by UTF-8 bytes, as Go compares strings).
   *
   * @return an immutable list, empty before the first {@link #setPeers}
   */
  List<Peer> peers();

  /**
   * Returns the {@code numOwners} owners of {@code key} for {@code op}, most preferred first.
   * Eligible owners are participants for {@link Op#READ_WRITE}, and participants and terminating
   * peers for {@link Op#READ} (see {@link State}).
   *
   * @param key the key
   * @param numOwners how many distinct owners to return; 0 returns an empty list
   * @param op the operation, which decides the eligible peers
   * @return an immutable list of {@code numOwners} distinct peers
   * @throws NotEnoughNodesException if fewer than {@code numOwners} peers are eligible
   * @throws IllegalArgumentException if {@code numOwners} is negative (Go panics)
   * @throws NullPointerException if {@code key} or {@code op} is null
   */
  List<Peer> lookup(Key key, int numOwners, Op op);
}
