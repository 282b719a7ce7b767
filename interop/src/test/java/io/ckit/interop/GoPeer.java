/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Go ckit node in a child process ({@code ckit-oracle peer}, see {@code interop/go/peer.go}),
 * driven over stdin/stdout (see {@link PeerProcess}).
 */
final class GoPeer extends PeerProcess {
  private GoPeer(Process process, String name) {
    super(process, name, Duration.ofSeconds(30));
  }

  /**
   * Options of a Go peer.
   *
   * @param name the node name
   * @param label the cluster label, "" for none
   * @param tlsCert PEM certificate to serve and dial over TLS, or null for h2c
   * @param tlsKey PEM key of {@code tlsCert}
   * @param tlsCa PEM CA bundle peers' certificates chain to
   * @param listen the {@code host:port} to listen on ({@code 127.0.0.1:0} for any port)
   */
  record Options(String name, String label, Path tlsCert, Path tlsKey, Path tlsCa, String listen) {
    /** Options listening on any loopback port. */
    Options(String name, String label, Path tlsCert, Path tlsKey, Path tlsCa) {
      this(name, label, tlsCert, tlsKey, tlsCa, "127.0.0.1:0");
    }

    static Options plain(String name) {
      return new Options(name, "", null, null, null, "127.0.0.1:0");
    }

    static Options tls(String name, Path cert, Path key, Path ca) {
      return new Options(name, "", cert, key, ca, "127.0.0.1:0");
    }

    /** Returns these options with another cluster label. */
    Options withLabel(String value) {
      return new Options(name, value, tlsCert, tlsKey, tlsCa, listen);
    }

    /** Returns these options listening on another address (to restart on the same port). */
    Options withListen(String value) {
      return new Options(name, label, tlsCert, tlsKey, tlsCa, value);
    }
  }

  /** Starts a Go peer and waits until it serves. */
  static GoPeer start(Options options) {
    List<String> args =
        new ArrayList<>(List.of("peer", "-name", options.name(), "-listen", options.listen()));
    if (!options.label().isEmpty()) {
      args.addAll(List.of("-label", options.label()));
    }
    if (options.tlsCert() != null) {
      args.addAll(
          List.of(
              "-tls-cert", options.tlsCert().toString(),
              "-tls-key", options.tlsKey().toString(),
              "-tls-ca", options.tlsCa().toString()));
    }
    args.addAll(List.of("-log-level", System.getProperty("ckit.interop.goLogLevel", "warn")));
    return new GoPeer(GoOracle.start(args.toArray(String[]::new)), options.name());
  }
}
