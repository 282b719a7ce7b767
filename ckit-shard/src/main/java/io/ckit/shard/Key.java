/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard;

import io.ckit.shard.internal.Xxh64;

/**
 * The 64-bit key whose owners a {@link Sharder} looks up (Go ckit's {@code shard.Key}).
 *
 * <p>Keys are immutable values. The 64 bits are unsigned in Go; here they are carried in a {@code
 * long}, so keys with the top bit set have negative {@link #value()}s. Build keys from strings with
 * {@link #of(String)}, from several pieces with a {@link KeyBuilder}, or wrap a hash computed
 * elsewhere with {@link #of(long)}.
 *
 * @param value the key's 64 bits
 */
public record Key(long value) {

  /**
   * Returns the key of a string: the XXH64 (seed 0) of its UTF-8 bytes, exactly as Go's {@code
   * shard.StringKey}. The UTF-8 bytes are produced on the fly; nothing is allocated but the key.
   *
   * <p>Unpaired surrogates, which have no UTF-8 form, are hashed as {@code '?'}, as {@link
   * String#getBytes(java.nio.charset.Charset)} encodes them.
   *
   * @param s the string, not null
   * @return the key
   * @throws NullPointerException if {@code s} is null
   */
  public static Key of(String s) {
    return new Key(Xxh64.hashString(s));
  }

  /**
   * Wraps raw key bits, as Go's {@code shard.Key(v)} conversion.
   *
   * @param value the key's 64 bits (Go's {@code uint64}, reinterpreted)
   * @return the key
   */
  public static Key of(long value) {
    return new Key(value);
  }

  /** Returns the key as Go prints it: the value as an unsigned decimal number. */
  @Override
  public String toString() {
    return Long.toUnsignedString(value);
  }
}
