/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two private certificate authorities and one node certificate signed by each, made once per JVM at
 * test time with the JDK's {@code keytool} (no keys are committed). The node certificates carry
 * both {@code serverAuth} and {@code clientAuth} and name the given loopback IPs, so one
 * certificate serves a node as server and as client, as in a typical mTLS deployment.
 */
final class MutualTlsCerts {
  /** The password of every store and key. */
  static final String PASSWORD = "changeit";

  /** The stores of one authority. */
  record Authority(Path trustStore, Path nodeKeyStore) {}

  private static Path dir;
  private static Authority cluster;
  private static Authority other;

  private MutualTlsCerts() {}

  /** Returns the cluster's CA (trust store) and a node certificate it signed. */
  static synchronized Authority cluster(List<String> ips) {
    if (cluster == null) {
      cluster = authority("cluster", ips);
    }
    return cluster;
  }

  /** Returns another CA and a node certificate it signed, for the same IPs. */
  static synchronized Authority other(List<String> ips) {
    if (other == null) {
      other = authority("other", ips);
    }
    return other;
  }

  private static Authority authority(String name, List<String> ips) {
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("ckit-mtls");
      }
      Path ca = dir.resolve(name + "-ca.p12");
      Path caCert = dir.resolve(name + "-ca.crt");
      Path trust = dir.resolve(name + "-trust.p12");
      Path node = dir.resolve(name + "-node.p12");
      Path csr = dir.resolve(name + "-node.csr");
      Path nodeCert = dir.resolve(name + "-node.crt");
      StringBuilder san = new StringBuilder("SAN=dns:localhost");
      for (String ip : ips) {
        san.append(",ip:").append(ip);
      }
      keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
          "-dname", "CN=ckit test " + name + " CA", "-ext", "bc:c", "-validity", "2",
          "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
      keytool("-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
          "-rfc", "-file", caCert.toString());
      keytool("-importcert", "-alias", "ca", "-file", caCert.toString(), "-keystore",
          trust.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt");
      keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1",
          "-dname", "CN=ckit " + name + " node", "-validity", "2", "-keystore", node.toString(),
          "-storetype", "PKCS12", "-storepass", PASSWORD);
      keytool("-certreq", "-alias", "node", "-keystore", node.toString(), "-storepass", PASSWORD,
          "-file", csr.toString());
      keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
          "-infile", csr.toString(), "-outfile", nodeCert.toString(), "-rfc", "-validity", "2",
          "-ext", san.toString(), "-ext", "EKU=serverAuth,clientAuth");
      keytool("-importcert", "-alias", "ca", "-file", caCert.toString(), "-keystore",
          node.toString(), "-storepass", PASSWORD, "-noprompt");
      keytool("-importcert", "-alias", "node", "-file", nodeCert.toString(), "-keystore",
          node.toString(), "-storepass", PASSWORD, "-noprompt");
      return new Authority(trust, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
