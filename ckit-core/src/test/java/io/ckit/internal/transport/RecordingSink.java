/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A {@link TransportSink} for tests: records packets, and answers each accepted stream with the
 * listener {@link #streams} builds (by default one that echoes every chunk back).
 */
final class RecordingSink implements TransportSink {
  /** A received packet. */
  record Packet(byte[] payload, String remoteAddr, long receivedNanos) {}

  final BlockingQueue<Packet> packets = new LinkedBlockingQueue<>();
  final BlockingQueue<StreamConnection> accepted = new LinkedBlockingQueue<>();
  volatile Function<StreamConnection, StreamListener> streams = Echo::new;

  @Override
  public void onPacket(byte[] payload, String remoteAddr, long receivedNanos) {
    packets.add(new Packet(payload, remoteAddr, receivedNanos));
  }

  @Override
  public StreamListener onStream(StreamConnection connection) {
    accepted.add(connection);
    return streams.apply(connection);
  }

  /** Writes every chunk back; closes when the peer's side ends. */
  static final class Echo implements StreamListener {
    private final StreamConnection connection;

    Echo(StreamConnection connection) {
      this.connection = connection;
    }

    @Override
    public void onData(byte[] chunk) {
      connection.write(chunk);
    }

    @Override
    public void onClosed(Throwable cause) {}
  }
}
