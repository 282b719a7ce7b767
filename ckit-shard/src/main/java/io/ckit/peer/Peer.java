/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.peer;

import java.util.Objects;

/**
 * A node discovered in the cluster, as seen by the local node.
 *
 * <p>Peers are immutable values; two peers are equal when all four components are equal, as in Go.
 *
 * @param name the peer's name, unique across the cluster
 * @param addr the {@code host:port} address of the peer
 * @param self true if this peer is the local node
 * @param state the peer's announced state
 */
public record Peer(String name, String addr, boolean self, State state) {

  /**
   * Creates a peer.
   *
   * @param name the peer's name, unique across the cluster
   * @param addr the {@code host:port} address of the peer
   * @param self true if this peer is the local node
   * @param state the peer's announced state
   * @throws NullPointerException if {@code name}, {@code addr} or {@code state} is null
   */
  public Peer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(addr, "addr");
    Objects.requireNonNull(state, "state");
  }

  /**
   * Renders this peer as JSON with Go ckit's field names: {@code name}, {@code addr}, {@code isSelf}
   * and {@code state} (as its lower-case name).
   *
   * @return a JSON object, for example
   *     {@code {"name":"a","addr":"10.0.0.1:80","isSelf":true,"state":"participant"}}
   */
  public String toJson() {
    return PeerJson.write(this);
  }

  /**
   * Parses a peer from the JSON produced by {@link #toJson()} or by Go ckit's {@code Peer}.
   *
   * @param json a JSON object with the fields name, addr, isSelf and state
   * @return the peer
   * @throws IllegalArgumentException if the text is not such an object or names an unknown state
   */
  public static Peer fromJson(String json) {
    return PeerJson.read(json);
  }

  /** Returns the peer's name, as Go's {@code Peer.String} does. */
  @Override
  public String toString() {
    return name;
  }
}
