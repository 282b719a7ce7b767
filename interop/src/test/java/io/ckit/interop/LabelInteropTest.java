/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.CkitException;
import io.ckit.interop.MixedCluster.Mode;
import io.ckit.peer.Peer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cluster labels keep Java and Go nodes apart unless they match, in both directions, over h2c and
 * TLS (memberlist's label header on every packet and stream).
 */
@Timeout(180)
class LabelInteropTest {
  @ParameterizedTest
  @EnumSource(Mode.class)
  void differentLabelsShouldKeepJavaAndGoApart(Mode mode) {
    try (MixedCluster cluster = new MixedCluster(mode)) {
      JavaNode javaA = cluster.java("java-a", "a");
      GoPeer goB = cluster.go("go-b", "b", 0);

      CkitException javaJoin =
          assertThrows(CkitException.class, () -> javaA.joinOnce(List.of(goB.address())));
      assertTrue(
          javaJoin.getMessage().startsWith("failed to join memberlist"), javaJoin.getMessage());
      Map<String, Object> goJoin = goB.commandAllowingError("join " + javaA.address());
      assertFalse(Boolean.TRUE.equals(goJoin.get("ok")), "Go joined across labels: " + goJoin);

      assertEquals(List.of("java-a"), names(javaA.peers()));
      assertEquals(List.of("go-b"), names(goB.peers()));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void sameLabelShouldJoinBothWays(Mode mode) {
    try (MixedCluster cluster = new MixedCluster(mode)) {
      GoPeer goSeed = cluster.go("go-a1", "a", 0);
      JavaNode javaA = cluster.java("java-a", "a");
      javaA.join(List.of(goSeed.address()));
      GoPeer goA = cluster.go("go-a2", "a", 0);
      goA.join(List.of(javaA.address()));
      cluster.awaitViews(Map.of(), Duration.ofSeconds(60));
    }
  }

  private static List<String> names(List<Peer> peers) {
    return peers.stream().map(Peer::name).toList();
  }
}
