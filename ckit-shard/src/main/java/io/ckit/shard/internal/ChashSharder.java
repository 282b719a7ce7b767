/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Key;
import io.ckit.shard.NotEnoughNodesException;
import io.ckit.shard.Op;
import io.ckit.shard.Sharder;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Sharder} over one {@link Algorithm}, with one table for {@link Op#READ} (participants
 * and terminating peers) and one for {@link Op#READ_WRITE} (participants), as Go ckit's {@code
 * chasher}.
 *
 * <p>Each {@link #setPeers} builds a new immutable {@link Snapshot} and publishes it through a
 * volatile field; lookups read that field once and take no locks. {@code setPeers} calls are
 * serialised on this object's monitor, so concurrent calls take effect in the order they acquire
 * it, as Go's take its mutex; lookups never wait for a rebuild.
 */
public final class ChashSharder implements Sharder {
  private final Algorithm algorithm;
  private volatile Snapshot snapshot;

  /**
   * Creates a sharder with no peers.
   *
   * @param algorithm the hashing algorithm
   */
  public ChashSharder(Algorithm algorithm) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.snapshot = snapshot(new Peer[0]);
  }

  @Override
  public synchronized void setPeers(Collection<Peer> peers) {
    Peer[] all = peers.toArray(new Peer[0]);
    int eligible = 0;
    for (Peer p : all) {
      if (Objects.requireNonNull(p, "peers contains null").state() != State.VIEWER) {
        all[eligible++] = p;
      }
    }
    Peer[] kept = new Peer[eligible];
    System.arraycopy(all, 0, kept, 0, eligible);
    snapshot = snapshot(kept);
  }

  private Snapshot snapshot(Peer[] eligible) {
    Nodes readNodes = Nodes.sorted(eligible);
    Table read = algorithm.build(readNodes);
    int[] remap = new int[readNodes.size()];
    int participants = 0;
    for (int i = 0; i < remap.length; i++) {
      remap[i] = readNodes.peer(i).state() == State.PARTICIPANT ? participants++ : -1;
    }
    Table readWrite =
        participants == remap.length
            ? read
            : read.restrict(readNodes.subset(remap, participants), remap);
    return new Snapshot(List.of(readNodes.peers), read, readWrite);
  }

  @Override
  public List<Peer> peers() {
    return snapshot.peers;
  }

  @Override
  public List<Peer> lookup(Key key, int numOwners, Op op) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(op, "op");
    if (numOwners < 0) {
      throw new IllegalArgumentException("numOwners must not be negative, got " + numOwners);
    }
    Snapshot s = snapshot;
    Table table = op == Op.READ ? s.read : s.readWrite;
    if (numOwners > table.size()) {
      throw new NotEnoughNodesException(numOwners, table.size());
    }
    if (numOwners == 0) {
      return List.of();
    }
    return new PeerList(table.lookup(key.value(), numOwners));
  }

  /** One published peer set: what {@link #peers()} returns and the tables of both ops. */
  private static final class Snapshot {
    final List<Peer> peers;
    final Table read;
    final Table readWrite;

    Snapshot(List<Peer> peers, Table read, Table readWrite) {
      this.peers = peers;
      this.read = read;
      this.readWrite = readWrite;
    }
  }
}
