/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import io.ckit.peer.Peer;
import io.ckit.shard.Key;
import io.ckit.shard.NotEnoughNodesException;
import io.ckit.shard.Op;
import io.ckit.shard.Sharder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A ring (256 tokens, as the Go peer's default), a rendezvous and a multiprobe sharder kept in sync
 * as one {@link Sharder}, so that one node's {@code Config.sharder} feeds all three (the Go peer
 * does the same). Lookups through the {@link Sharder} interface use the ring. Thread-safe, as its
 * sharders are.
 */
final class SharderSet implements Sharder {
  private final Sharder ring = Sharder.ring(256);
  private final Sharder rendezvous = Sharder.rendezvous();
  private final Sharder multiprobe = Sharder.multiprobe();

  /** Returns the sharder of that name: {@code ring}, {@code rendezvous} or {@code multiprobe}. */
  Sharder named(String name) {
    return switch (name) {
      case "ring" -> ring;
      case "rendezvous" -> rendezvous;
      case "multiprobe" -> multiprobe;
      default -> throw new IllegalArgumentException("unknown sharder \"" + name + "\"");
    };
  }

  /**
   * Looks up each key (hashed with {@link Key#of(String)}) and returns its owners' names, or {@code
   * ["error: <message>"]} when there are not enough eligible peers.
   */
  List<List<String>> owners(String sharder, int count, Op op, List<String> keys) {
    Sharder s = named(sharder);
    List<List<String>> out = new ArrayList<>(keys.size());
    for (String key : keys) {
      try {
        out.add(s.lookup(Key.of(key), count, op).stream().map(Peer::name).toList());
      } catch (NotEnoughNodesException e) {
        out.add(List.of("error: " + e.getMessage()));
      }
    }
    return out;
  }

  @Override
  public void setPeers(Collection<Peer> peers) {
    ring.setPeers(peers);
    rendezvous.setPeers(peers);
    multiprobe.setPeers(peers);
  }

  @Override
  public List<Peer> lookup(Key key, int count, Op op) {
    return ring.lookup(key, count, op);
  }

  @Override
  public List<Peer> peers() {
    return ring.peers();
  }
}
