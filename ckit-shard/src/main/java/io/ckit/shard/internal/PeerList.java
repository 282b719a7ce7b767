/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import io.ckit.peer.Peer;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An unmodifiable list view over a lookup's result array, so a lookup allocates only the array and
 * this wrapper. The array must not be written after wrapping.
 */
final class PeerList extends AbstractList<Peer> implements RandomAccess {
  private final Peer[] peers;

  PeerList(Peer[] peers) {
    this.peers = peers;
  }

  @Override
  public Peer get(int index) {
    return peers[index];
  }

  @Override
  public int size() {
    return peers.length;
  }
}
