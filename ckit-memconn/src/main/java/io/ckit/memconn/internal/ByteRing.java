/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn.internal;

/**
 * A fixed-capacity circular byte buffer.
 *
 * <p>Not thread safe: callers guard it with their own lock.
 */
public final class ByteRing {
  private final byte[] bytes;
  private int head;
  private int size;

  /**
   * Creates an empty ring.
   *
   * @param capacity how many bytes it holds at most; positive
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public ByteRing(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.bytes = new byte[capacity];
  }

  /**
   * Returns the number of buffered bytes.
   *
   * @return the size, between 0 and the capacity
   */
  public int size() {
    return size;
  }

  /**
   * Returns whether no byte is buffered.
   *
   * @return {@code true} if empty
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Copies as many bytes as fit from {@code src}.
   *
   * @param src the source
   * @param off where to start in {@code src}
   * @param len how many bytes to offer
   * @return how many bytes were taken, 0 if the ring is full
   */
  public int write(byte[] src, int off, int len) {
    int n = Math.min(len, bytes.length - size);
    int tail = (head + size) % bytes.length;
    int first = Math.min(n, bytes.length - tail);
    System.arraycopy(src, off, bytes, tail, first);
    System.arraycopy(src, off + first, bytes, 0, n - first);
    size += n;
    return n;
  }

  /**
   * Moves up to {@code len} buffered bytes into {@code dst}.
   *
   * @param dst the destination
   * @param off where to start in {@code dst}
   * @param len how many bytes to take at most
   * @return how many bytes were moved, 0 if the ring is empty
   */
  public int read(byte[] dst, int off, int len) {
    int n = Math.min(len, size);
    int first = Math.min(n, bytes.length - head);
    System.arraycopy(bytes, head, dst, off, first);
    System.arraycopy(bytes, 0, dst, off + first, n - first);
    head = (head + n) % bytes.length;
    size -= n;
    return n;
  }
}
