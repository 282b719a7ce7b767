/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import java.net.SocketAddress;

/**
 * The address of every in-memory listener and connection: Go ckit's {@code memconn.Addr}, whose
 * network and string form are both {@code "memory"}.
 *
 * <p>There is one instance. It is immutable and thread safe.
 */
public final class MemoryAddress extends SocketAddress {
  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final MemoryAddress INSTANCE = new MemoryAddress();

  private MemoryAddress() {}

  /**
   * Returns the network name, as Go's {@code net.Addr.Network}.
   *
   * @return {@code "memory"}
   */
  public String network() {
    return "memory";
  }

  /**
   * Returns the address, as Go's {@code net.Addr.String}.
   *
   * @return {@code "memory"}
   */
  @Override
  public String toString() {
    return "memory";
  }

  /**
   * Keeps the instance unique across serialization.
   *
   * @return {@link #INSTANCE}
   */
  private Object readResolve() {
    return INSTANCE;
  }
}
