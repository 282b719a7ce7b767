/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.transport.GossipServlet;
import io.ckit.internal.transport.GossipTransport;

/**
 * Creates the transport's servlet. A class of its own so that {@link io.ckit.Node} never names
 * {@link GossipServlet}: the Servlet API is an optional dependency, and verifying a method that
 * returns a {@code GossipServlet} as an {@code HttpServlet} would load both classes with the
 * {@code Node} class, failing without the Servlet API on the class path.
 */
public final class ServletFactory {
  private ServletFactory() {}

  /**
   * Returns a new servlet serving the transport's endpoints.
   *
   * @param transport the transport
   * @return the servlet
   */
  public static jakarta.servlet.http.HttpServlet servlet(GossipTransport transport) {
    return new GossipServlet(transport);
  }
}
