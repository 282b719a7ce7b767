/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import io.ckit.interop.MixedCluster.Mode;
import io.ckit.peer.State;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three Java and three Go ckit nodes in one cluster, over h2c and over TLS, through a whole
 * lifecycle: bootstrap, state changes, sharding, graceful leave, crash (SIGKILL of a Go process and
 * of a child JVM running a Java node) and restarts under the same names.
 *
 * <p>Java nodes: {@code java-1} and {@code java-2} run in the test's JVM, each with its own Jetty
 * server and client; {@code java-3} runs in a child JVM ({@link JvmPeer}) so that it can be killed
 * for real. Go nodes are {@code ckit-oracle peer} processes ({@link GoPeer}). One cluster per mode
 * serves every step, since memberlist's failure detection (5 s probes, suspicion scaled by cluster
 * size) dominates the run time.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class MixedClusterTest {
  /**
   * Joins, leaves and gossiped state changes: normally well under a second, but a node that misses
   * a gossiped message learns it from the next push/pull (every 30 s, staggered).
   */
  private static final Duration CONVERGE = Duration.ofSeconds(90);

  /**
   * A crash: a probe of the dead node must fail (one probe per node per 5 s, round robin), then the
   * suspicion timeout (at least 4 * max(1, log10 6) * 5 s = 20 s, up to 6 times that without
   * confirmations), then the dead message spreads.
   */
  private static final Duration FAILURE_DETECTION = Duration.ofSeconds(180);

  @ParameterizedTest
  @EnumSource(Mode.class)
  void javaAndGoNodesShouldFormOneClusterThroughItsLifecycle(Mode mode) {
    try (MixedCluster cluster = new MixedCluster(mode)) {
      // Bootstrap alternating kinds, so that Go joins Java and Java joins Go.
      JavaNode java1 = cluster.java("java-1", "");
      GoPeer go1 = cluster.go("go-1", "", 0);
      go1.join(List.of(java1.address()));
      JavaNode java2 = cluster.java("java-2", "");
      java2.join(List.of(go1.address()));
      GoPeer go2 = cluster.go("go-2", "", 0);
      go2.join(List.of(java2.address()));
      JvmPeer java3 = cluster.jvm("java-3", 0);
      java3.join(List.of(go2.address()));
      GoPeer go3 = cluster.go("go-3", "", 0);
      go3.join(List.of(java3.address()));
      Map<String, State> states = new HashMap<>();
      cluster.awaitViews(states, CONVERGE);

      // Viewer -> participant -> terminating, from both kinds; everyone sees everyone's state.
      for (Member m : cluster.members()) {
        m.changeState(State.PARTICIPANT);
        states.put(m.name(), State.PARTICIPANT);
      }
      cluster.awaitViews(states, CONVERGE);
      for (Member m : List.of(go3, java3)) {
        m.changeState(State.TERMINATING);
        states.put(m.name(), State.TERMINATING);
      }
      cluster.awaitViews(states, CONVERGE);
      cluster.assertSameOwners(3, states, CONVERGE);

      // A graceful leave of each kind; both rejoin under the same name, through the other kind.
      java2.leave();
      go2.leave();
      cluster.remove(java2);
      cluster.remove(go2);
      states.remove("java-2");
      states.remove("go-2");
      cluster.awaitGone(Set.of("java-2", "go-2"), CONVERGE);
      cluster.awaitViews(states, CONVERGE);
      // One restart at a time: a node that joins while another's alive broadcast is still spreading
      // may learn of it only at the next push/pull (memberlist behaves so with Go nodes alone).
      java2 = cluster.java("java-2", "");
      java2.join(List.of(go1.address()));
      cluster.awaitViews(states, CONVERGE);
      go2 = cluster.go("go-2", "", 0);
      go2.join(List.of(java1.address()));
      cluster.awaitViews(states, CONVERGE);

      // A crash of each kind: SIGKILL, no leave. Both are declared dead and dropped, then restart
      // on the same address (memberlist keeps a dead node's address) and are readmitted as
      // viewers, though the cluster last saw them terminating.
      int go3Port = go3.port();
      int java3Port = java3.port();
      go3.kill();
      java3.kill();
      cluster.remove(go3);
      cluster.remove(java3);
      cluster.awaitGone(Set.of("go-3", "java-3"), FAILURE_DETECTION);
      states.remove("go-3");
      states.remove("java-3");
      cluster.awaitViews(states, CONVERGE);
      go3 = cluster.go("go-3", "", go3Port);
      go3.join(List.of(java2.address()));
      cluster.awaitViews(states, CONVERGE);
      java3 = cluster.jvm("java-3", java3Port);
      java3.join(List.of(go2.address()));
      cluster.awaitViews(states, CONVERGE);

      // Restarted nodes take part again; sharders agree with viewers in the cluster.
      go2.changeState(State.PARTICIPANT);
      java2.changeState(State.PARTICIPANT);
      states.put("go-2", State.PARTICIPANT);
      states.put("java-2", State.PARTICIPANT);
      cluster.awaitViews(states, CONVERGE);
      cluster.assertSameOwners(2, states, CONVERGE);
    }
  }
}
