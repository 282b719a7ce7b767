/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A small, bounded, lock-free pool of reusable scratch objects (the LZW coders' tables and buffers).
 *
 * <p>A caller {@link #take() takes} an object, uses it on its own thread only, and {@link #give
 * gives} it back; while taken, no other thread can see it. When every slot is empty {@link #take()}
 * makes a new object, and when every slot is full {@link #give} drops the object for the garbage
 * collector, so the pool never blocks and retains at most {@code slots} objects, whatever the number
 * of threads (the membership loop, Jetty's threads). The atomic slot operations publish an object's
 * contents safely from the thread that gave it back to the thread that takes it next.
 *
 * <p>Thread-safe. Taking and giving allocate nothing.
 *
 * @param <T> the scratch object type; it must not need resetting beyond what its user does on each
 *     use
 */
final class ScratchPool<T> {
  private final AtomicReferenceArray<T> slots;
  private final Supplier<T> factory;

  /**
   * Creates an empty pool.
   *
   * @param slots how many idle objects to retain at most
   * @param factory makes an object when the pool is empty
   */
  ScratchPool(int slots, Supplier<T> factory) {
    this.slots = new AtomicReferenceArray<>(slots);
    this.factory = factory;
  }

  /** Returns an idle object, or a new one if none is idle; the caller owns it until {@link #give}. */
  T take() {
    for (int i = 0; i < slots.length(); i++) {
      if (slots.get(i) != null) {
        T t = slots.getAndSet(i, null);
        if (t != null) {
          return t;
        }
      }
    }
    return factory.get();
  }

  /** Returns an object taken from this pool; the caller must not use it afterwards. */
  void give(T t) {
    for (int i = 0; i < slots.length(); i++) {
      if (slots.get(i) == null && slots.compareAndSet(i, null, t)) {
        return;
      }
    }
  }

  /** Returns how many idle objects the pool holds now (for tests). */
  int idle() {
    int n = 0;
    for (int i = 0; i < slots.length(); i++) {
      if (slots.get(i) != null) {
        n++;
      }
    }
    return n;
  }
}
