/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.wire.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A {@link Membership} wired to recording fakes, like memberlist's {@code GetMemberlist} (the local
 * node is not added until {@link #setAlive} is called): broadcasts are kept by name with the queue's
 * replace-by-name semantics, and delegate events are recorded in order.
 */
final class MembershipFixture {
  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;

  /** A queued broadcast. */
  record Queued(String name, Message message, Runnable finished) {}

  final Timers timers = new Timers(TestLog.LOG);
  final NodeTable nodes = new NodeTable(new SplittableRandom(42));
  final Awareness awareness = new Awareness(8);
  final SwimCounters counters = new SwimCounters();
  final Map<String, Queued> queued = new LinkedHashMap<>();
  final List<String> events = new ArrayList<>();
  final List<Member> eventNodes = new ArrayList<>();
  boolean recordEvents = true;
  final SwimConfig config;
  final Membership membership;

  MembershipFixture(SwimConfig config) {
    this.config = config;
    Broadcaster broadcaster =
        (name, message, finished) -> {
          Queued old = queued.remove(name);
          if (old != null && old.finished() != null) {
            old.finished().run();
          }
          queued.put(name, new Queued(name, message, finished));
        };
    SwimDelegate delegate =
        new SwimDelegate() {
          @Override
          public void notifyJoin(Member node) {
            record("join", node);
          }

          @Override
          public void notifyLeave(Member node) {
            record("leave", node);
          }

          @Override
          public void notifyUpdate(Member node) {
            record("update", node);
          }

          @Override
          public void notifyConflict(Member existing, Member other) {
            record("conflict", other);
          }
        };
    membership =
        new Membership(config, nodes, awareness, timers, broadcaster, delegate, counters, TestLog.LOG);
  }

  MembershipFixture() {
    this(defaultConfig().build());
  }

  static SwimConfig.Builder defaultConfig() {
    return SwimConfig.builder("local", new byte[] {127, 0, 0, 1}, 7946);
  }

  private void record(String kind, Member node) {
    if (recordEvents) {
      events.add(kind + ":" + node.name());
      eventNodes.add(node);
    }
  }

  /** Forgets queued broadcasts without finishing them (Go tests call Reset, which finishes them). */
  void resetBroadcasts() {
    for (Queued q : queued.values()) {
      if (q.finished() != null) {
        q.finished().run();
      }
    }
    queued.clear();
  }

  /** Returns the single queued broadcast. */
  Queued onlyQueued() {
    if (queued.size() != 1) {
      throw new AssertionError("expected exactly one queued broadcast, got " + queued.keySet());
    }
    return queued.values().iterator().next();
  }
}
