/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.wire.NodeStateType;

/**
 * What this node believes about one member (memberlist's {@code nodeState}): identity, address,
 * protocol versions, incarnation, state and when the state last changed.
 *
 * <p>Confined to the membership loop; mutated only by {@link Membership}. Byte arrays are never
 * mutated after being stored.
 */
final class NodeState {
  final String name;
  byte[] addr;
  int port;
  private String address;
  byte[] meta;
  int pMin;
  int pMax;
  int pCur;
  int dMin;
  int dMax;
  int dCur;
  /** The last known incarnation (uint32). */
  int incarnation;
  NodeStateType state;
  long stateChangeNanos;

  NodeState(String name, byte[] addr, int port, byte[] meta) {
    this.name = name;
    setAddress(addr, port);
    this.meta = meta;
  }

  /** Sets the IP and port and recomputes the transport address string. */
  void setAddress(byte[] addr, int port) {
    if (this.port != port || !java.util.Arrays.equals(this.addr, addr)) {
      this.address = null;
    }
    this.addr = addr;
    this.port = port;
  }

  /** Returns the transport address {@code ip:port}, formatted as Go does (computed lazily). */
  String address() {
    String a = address;
    if (a == null) {
      a = Addresses.hostPort(addr, port);
      address = a;
    }
    return a;
  }

  /** Sets the six version bytes from a Vsn array of at least 6 bytes. */
  void setVersions(byte[] vsn) {
    pMin = vsn[0] & 0xFF;
    pMax = vsn[1] & 0xFF;
    pCur = vsn[2] & 0xFF;
    dMin = vsn[3] & 0xFF;
    dMax = vsn[4] & 0xFF;
    dCur = vsn[5] & 0xFF;
  }

  /** Returns the six version bytes. */
  byte[] versions() {
    return new byte[] {
      (byte) pMin, (byte) pMax, (byte) pCur, (byte) dMin, (byte) dMax, (byte) dCur
    };
  }

  boolean deadOrLeft() {
    return state == NodeStateType.DEAD || state == NodeStateType.LEFT;
  }

  /** Returns an immutable view of this node for delegates and snapshots. */
  Member toMember() {
    return new Member(name, addr, port, address(), meta, state, incarnation, versions());
  }
}
