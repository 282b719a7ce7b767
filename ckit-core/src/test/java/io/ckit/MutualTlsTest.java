/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.SwimCounter;
import io.ckit.internal.transport.Frames;
import io.ckit.internal.transport.GossipTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutual TLS between real nodes over loopback, with the recipe of {@code docs/operations.md}
 * (region {@code mtls}, kept identical by {@link #shouldDocumentTheRecipeVerbatim}): a cluster whose
 * nodes all hold a certificate from one private CA forms; a client without a certificate, and a
 * node whose certificate comes from another CA, are refused at the TLS layer in both directions.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MutualTlsTest {
  private static final List<String> IPS =
      List.of("127.46.0.1", "127.46.0.2", "127.46.0.3", "127.47.0.1");

  /** The mTLS settings of a node: its key store, the cluster CA's trust store, their password. */
  static LoopbackCluster.Tls mtls(String nodeKeyStore, String clusterCa, String password) {
    return new LoopbackCluster.Tls(
        () -> {
          // @start region=mtls-server
          SslContextFactory.Server serverTls = new SslContextFactory.Server();
          serverTls.setKeyStorePath(nodeKeyStore); // this node's key and certificate chain
          serverTls.setKeyStorePassword(password);
          serverTls.setTrustStorePath(clusterCa); // the private CA that signs every node
          serverTls.setTrustStorePassword(password);
          serverTls.setNeedClientAuth(true); // no certificate from that CA, no connection
          // @end
          return serverTls;
        },
        () -> {
          // @start region=mtls-client
          SslContextFactory.Client clientTls = new SslContextFactory.Client();
          clientTls.setKeyStorePath(nodeKeyStore); // presented when a peer asks for it
          clientTls.setKeyStorePassword(password);
          clientTls.setTrustStorePath(clusterCa); // peers' server certificates must chain to it
          clientTls.setTrustStorePassword(password);
          // @end
          return clientTls;
        });
  }

  private static LoopbackCluster.Tls clusterTls() {
    MutualTlsCerts.Authority ca = MutualTlsCerts.cluster(IPS);
    return mtls(ca.nodeKeyStore().toString(), ca.trustStore().toString(), MutualTlsCerts.PASSWORD);
  }

  @Test
  void shouldFormAClusterOverMutualTls() {
    try (LoopbackCluster cluster = new LoopbackCluster(46, c -> c, clusterTls())) {
      cluster.startAll("mtls", 3);
      assertTrue(LoopbackCluster.await(cluster::converged, Duration.ofSeconds(30)) >= 0);
      assertTrue(cluster.members().get(0).node().config().enableTls());
    }
  }

  @Test
  void shouldRejectAClientWithoutACertificate() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(46, c -> c, clusterTls())) {
      LoopbackCluster.Member a = cluster.startAll("mtls", 1).get(0);
      SslContextFactory.Client trustOnly = new SslContextFactory.Client();
      MutualTlsCerts.Authority ca = MutualTlsCerts.cluster(IPS);
      trustOnly.setTrustStorePath(ca.trustStore().toString());
      trustOnly.setTrustStorePassword(MutualTlsCerts.PASSWORD);
      HttpClient client = Http2.newClient(trustOnly);
      client.start();
      try {
        long received = a.counter(SwimCounter.PACKETS_RECEIVED);
        Exception refused =
            assertThrows(
                Exception.class,
                () ->
                    client
                        .newRequest("https://" + a.address() + GossipTransport.MESSAGE_PATH)
                        .method(HttpMethod.POST)
                        .body(new BytesRequestContent(GossipTransport.CONTENT_TYPE,
                            Frames.encode(new byte[] {0})))
                        .timeout(10, TimeUnit.SECONDS)
                        .send());
        System.out.println("[real] mTLS, client without certificate: " + refused);
        assertEquals(received, a.counter(SwimCounter.PACKETS_RECEIVED), "nothing reached the node");
      } finally {
        client.stop();
      }
    }
  }

  @Test
  void shouldRejectAPeerWithACertificateFromAnotherCa() {
    MutualTlsCerts.Authority ours = MutualTlsCerts.cluster(IPS);
    MutualTlsCerts.Authority theirs = MutualTlsCerts.other(IPS);
    // The rogue trusts our CA (so it would accept our servers) but its own certificate is from
    // another CA; our servers must refuse it, and our clients must refuse its server.
    LoopbackCluster.Tls rogueTls =
        mtls(theirs.nodeKeyStore().toString(), ours.trustStore().toString(),
            MutualTlsCerts.PASSWORD);
    try (LoopbackCluster cluster = new LoopbackCluster(46, c -> c, clusterTls());
        LoopbackCluster rogues = new LoopbackCluster(47, c -> c, rogueTls)) {
      List<LoopbackCluster.Member> nodes = cluster.startAll("mtls", 2);
      assertTrue(LoopbackCluster.await(cluster::converged, Duration.ofSeconds(30)) >= 0);
      LoopbackCluster.Member rogue = rogues.add("rogue");
      rogue.start(List.of());
      assertThrows(CkitException.class, () -> rogue.node().start(List.of(nodes.get(0).address())),
          "our server refuses the rogue's client certificate");
      assertThrows(CkitException.class,
          () -> nodes.get(0).node().start(List.of(rogue.address())),
          "our client refuses the rogue's server certificate");
      assertEquals(2, nodes.get(0).node().peers().size());
      assertEquals(1, rogue.node().peers().size());
    }
  }

  @Test
  void shouldDocumentTheRecipeVerbatim() throws IOException {
    String doc = Files.readString(Path.of("../docs/operations.md"));
    for (String region : List.of("mtls-server", "mtls-client")) {
      String code = region(region);
      assertTrue(doc.contains(code), "docs/operations.md shows region " + region + ":\n" + code);
    }
  }

  private static String region(String name) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/java/io/ckit/MutualTlsTest.java"));
    int start = lines.indexOf(lines.stream()
        .filter(l -> l.trim().equals("// @start region=" + name)).findFirst().orElseThrow()) + 1;
    StringBuilder out = new StringBuilder();
    for (int i = start; !lines.get(i).trim().equals("// @end"); i++) {
      out.append(lines.get(i).strip()).append('\n');
    }
    return out.toString();
  }
}
