/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.wire.NodeStateType;
import java.util.List;

/**
 * An immutable picture of the engine's view, published by the membership loop for other threads
 * (metrics, diagnostics, the ckit Node's readers).
 *
 * @param localName the local node's name
 * @param members every node in the node list, in probe order: self, alive, suspect, and dead or
 *     left nodes not yet reaped
 * @param healthScore the Lifeguard health score (0 is healthy; ckit's {@code
 *     cluster_node_gossip_health_score})
 * @param numMembers nodes neither dead nor left, self included (memberlist's {@code NumMembers},
 *     ckit's {@code cluster_node_gossip_alive_peers})
 * @param protocolVersion the memberlist protocol version spoken (2; ckit's {@code
 *     cluster_node_gossip_proto_version})
 * @param incarnation the local node's current incarnation (uint32)
 * @param left true once {@link SwimEngine#leave} was called
 * @param shutdown true once {@link SwimEngine#shutdown} was called
 * @param takenAtNanos the engine time at which this snapshot was taken
 */
public record SwimSnapshot(
    String localName,
    List<Member> members,
    int healthScore,
    int numMembers,
    int protocolVersion,
    int incarnation,
    boolean left,
    boolean shutdown,
    long takenAtNanos) {
  /** Copies {@code members}. */
  public SwimSnapshot {
    members = List.copyOf(members);
  }

  /** Returns the member with this name, or null. */
  public Member member(String name) {
    for (Member m : members) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    return null;
  }

  /** Returns the members that are neither dead nor left (memberlist's {@code Members}). */
  public List<Member> liveMembers() {
    return members.stream()
        .filter(m -> m.state() == NodeStateType.ALIVE || m.state() == NodeStateType.SUSPECT)
        .toList();
  }
}
