/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.NodeStoppedException;
import io.ckit.peer.State;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code changeState} futures waiting for their broadcast (Go's {@code waitChangeState}): a
 * future completes when the ckit layer's broadcast finished (sent to its retransmit limit, or
 * replaced by a newer change), at once when there is no other peer to tell, or exceptionally with
 * {@link NodeStoppedException} when the node stops first.
 *
 * <p>Confined to the membership loop, except {@link #task}, which any thread may call.
 */
final class StateChanges {
  private final CkitLayer ckit;
  private final Set<CompletableFuture<Void>> pending = new HashSet<>();

  StateChanges(CkitLayer ckit) {
    this.ckit = ckit;
  }

  /**
   * Returns the loop task that applies a change.
   *
   * @param to the new state
   * @param done completed as described above; or null if nobody waits
   */
  MembershipLoop.Task task(State to, CompletableFuture<Void> done) {
    return new MembershipLoop.Task() {
      @Override
      public void run(long nowNanos) {
        if (done == null) {
          ckit.changeState(to, null);
          return;
        }
        pending.add(done);
        ckit.changeState(to, () -> complete(done));
        if (!ckit.hasOtherPeers()) {
          complete(done); // nobody to tell
        }
      }

      @Override
      public void abandon(NodeStoppedException cause) {
        if (done != null) {
          done.completeExceptionally(cause);
        }
      }
    };
  }

  private void complete(CompletableFuture<Void> done) {
    pending.remove(done);
    done.complete(null);
  }

  /** Fails every waiting future (shutdown, before the layer's queue is reset). */
  void failAll(NodeStoppedException cause) {
    for (CompletableFuture<Void> done : List.copyOf(pending)) {
      done.completeExceptionally(cause);
    }
    pending.clear();
  }
}
