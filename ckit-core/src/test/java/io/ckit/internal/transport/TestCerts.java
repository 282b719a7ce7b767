/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed EC certificate for {@code localhost} and {@code 127.0.0.1}, made once per JVM at
 * test time with the JDK's {@code keytool} (no test keys are committed). Also exported as PEM
 * files, for Go peers in the interop tests.
 */
public final class TestCerts {
  /** The password of the PKCS12 store and its key. */
  public static final String PASSWORD = "changeit";

  private static Path keyStore;

  private TestCerts() {}

  /** Returns the PKCS12 key store holding the key and certificate (alias {@code node}). */
  public static synchronized Path keyStore() {
    if (keyStore == null) {
      try {
        Path dir = Files.createTempDirectory("ckit-tls");
        Path file = dir.resolve("node.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process =
            new ProcessBuilder(
                    List.of(
                        keytool.toString(), "-genkeypair", "-alias", "node", "-keyalg", "EC",
                        "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", file.toString(),
                        "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
          throw new IllegalStateException("keytool failed: " + output);
        }
        writePem(dir, file);
        keyStore = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return keyStore;
  }

  /** Returns the certificate as PEM (it is also the CA, being self-signed). */
  public static Path certPem() {
    return keyStore().resolveSibling("node.crt");
  }

  /** Returns the private key as PKCS#8 PEM. */
  public static Path keyPem() {
    return keyStore().resolveSibling("node.key");
  }

  private static void writePem(Path dir, Path p12) throws IOException {
    try (InputStream in = Files.newInputStream(p12)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      byte[] cert = store.getCertificate("node").getEncoded();
      byte[] key = store.getKey("node", PASSWORD.toCharArray()).getEncoded();
      Files.writeString(dir.resolve("node.crt"), pem("CERTIFICATE", cert));
      Files.writeString(dir.resolve("node.key"), pem("PRIVATE KEY", key));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the generated key store " + p12, e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
