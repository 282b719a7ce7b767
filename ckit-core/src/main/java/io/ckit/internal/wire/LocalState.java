/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.List;

/**
 * ckit's push/pull user state: the sender's lamport time and one State per peer it knows.
 *
 * @param currentTime the sender's lamport time (uint64)
 * @param nodeStates one entry per known peer (time 0 and viewer for peers with no State yet)
 */
public record LocalState(long currentTime, List<StateMessage> nodeStates) {
  /** Copies {@code nodeStates} into an unmodifiable list. */
  public LocalState {
    nodeStates = List.copyOf(nodeStates);
  }
}
