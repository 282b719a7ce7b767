/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import io.ckit.internal.transport.StreamConnection;
import io.ckit.internal.transport.StreamListener;
import io.ckit.internal.transport.TransportSink;

/**
 * A sink whose target is set after the server started (the scripted peer needs the port). Nothing
 * reaches the node before the target is set, because no peer knows its address yet.
 */
final class DeferredSink implements TransportSink {
  volatile TransportSink target;

  @Override
  public void onPacket(byte[] payload, String remoteAddr, long receivedNanos) {
    target.onPacket(payload, remoteAddr, receivedNanos);
  }

  @Override
  public StreamListener onStream(StreamConnection connection) {
    return target.onStream(connection);
  }
}
