/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The engine's counters. Written only by the membership loop; readable from any thread (each value
 * is read atomically, the set as a whole is not a consistent snapshot).
 */
public final class SwimCounters {
  private static final SwimCounter[] ALL = SwimCounter.values();
  private final AtomicLongArray values = new AtomicLongArray(ALL.length);

  /** Adds one to a counter (membership loop only). */
  void increment(SwimCounter counter) {
    add(counter, 1);
  }

  /** Adds {@code delta} to a counter (membership loop only). */
  void add(SwimCounter counter, long delta) {
    int i = counter.ordinal();
    // Single writer: a plain read-modify-write with release semantics is enough.
    values.setRelease(i, values.getPlain(i) + delta);
  }

  /** Returns a counter's current value; thread safe. */
  public long get(SwimCounter counter) {
    return values.getAcquire(counter.ordinal());
  }

  /** Returns every counter's current value; thread safe. */
  public Map<SwimCounter, Long> toMap() {
    Map<SwimCounter, Long> map = new EnumMap<>(SwimCounter.class);
    for (SwimCounter counter : ALL) {
      map.put(counter, get(counter));
    }
    return map;
  }
}
