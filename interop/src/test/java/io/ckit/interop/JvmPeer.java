/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java ckit node in a child JVM ({@link JavaPeerMain} on the test class path), driven like a Go
 * peer (see {@link PeerProcess}), so that a test can crash a Java node with a real SIGKILL.
 */
final class JvmPeer extends PeerProcess {
  private JvmPeer(Process process, String name) {
    super(process, name, Duration.ofSeconds(90));
  }

  /**
   * Starts a child JVM running a Java node and waits until it serves.
   *
   * @param options the node's options; {@code port} 0 picks any port
   */
  static JvmPeer start(JavaNode.Options options) {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                classPath,
                JavaPeerMain.class.getName(),
                "-name",
                options.name(),
                "-listen",
                "127.0.0.1:" + options.port()));
    if (!options.label().isEmpty()) {
      command.addAll(List.of("-label", options.label()));
    }
    if (options.keyStore() != null) {
      command.addAll(List.of("-keystore", options.keyStore().toString()));
    }
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      return new JvmPeer(process, options.name());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a child JVM for " + options.name(), e);
    }
  }
}
