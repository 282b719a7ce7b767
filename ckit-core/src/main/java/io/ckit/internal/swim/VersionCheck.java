/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.PushNodeState;
import java.util.List;

/**
 * The protocol version check a push/pull merge must pass (memberlist's {@code verifyProtocol}, wire
 * spec §7.15): over every alive remote node with a version vector and every alive local node,
 * compute the highest minimum and the lowest maximum of the protocol and delegate versions; every
 * remote and local node's current versions must lie in those ranges.
 *
 * <p>Go v0.5.3 indexes a remote vector of 1 to 5 bytes and panics; here such a vector fails the
 * check instead.
 */
final class VersionCheck {
  private VersionCheck() {}

  /**
   * Runs the check.
   *
   * @param remote the remote node states
   * @param local the local node list
   * @return null if compatible, else the error
   */
  static String verify(List<PushNodeState> remote, List<NodeState> local) {
    int maxPMin = 0;
    int minPMax = 255;
    int maxDMin = 0;
    int minDMax = 255;
    for (PushNodeState rn : remote) {
      byte[] vsn = rn.vsn();
      if (vsn != null && vsn.length > 0 && vsn.length < 6) {
        return "Node '" + rn.name() + "' sent a " + vsn.length + "-byte protocol version vector";
      }
      if (rn.state() != NodeStateType.ALIVE || vsn == null || vsn.length == 0) {
        continue;
      }
      maxPMin = Math.max(maxPMin, vsn[0] & 0xFF);
      minPMax = Math.min(minPMax, vsn[1] & 0xFF);
      maxDMin = Math.max(maxDMin, vsn[3] & 0xFF);
      minDMax = Math.min(minDMax, vsn[4] & 0xFF);
    }
    for (NodeState n : local) {
      if (n.state != NodeStateType.ALIVE) {
        continue;
      }
      maxPMin = Math.max(maxPMin, n.pMin);
      minPMax = Math.min(minPMax, n.pMax);
      maxDMin = Math.max(maxDMin, n.dMin);
      minDMax = Math.min(minDMax, n.dMax);
    }
    for (PushNodeState n : remote) {
      byte[] vsn = n.vsn();
      int pCur = vsn != null && vsn.length > 0 ? vsn[2] & 0xFF : 0;
      int dCur = vsn != null && vsn.length > 0 ? vsn[5] & 0xFF : 0;
      String error = checkRange(n.name(), pCur, dCur, maxPMin, minPMax, maxDMin, minDMax);
      if (error != null) {
        return error;
      }
    }
    for (NodeState n : local) {
      String error = checkRange(n.name, n.pCur, n.dCur, maxPMin, minPMax, maxDMin, minDMax);
      if (error != null) {
        return error;
      }
    }
    return null;
  }

  private static String checkRange(
      String name, int pCur, int dCur, int maxPMin, int minPMax, int maxDMin, int minDMax) {
    if (pCur < maxPMin || pCur > minPMax) {
      return "Node '" + name + "' protocol version (" + pCur + ") is incompatible: [" + maxPMin
          + ", " + minPMax + "]";
    }
    if (dCur < maxDMin || dCur > minDMax) {
      return "Node '" + name + "' delegate protocol version (" + dCur + ") is incompatible: ["
          + maxDMin + ", " + minDMax + "]";
    }
    return null;
  }
}
