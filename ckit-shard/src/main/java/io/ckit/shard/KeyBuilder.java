/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard;

import io.ckit.shard.internal.Xxh64Digest;
import java.util.Objects;

/**
 * Builds a {@link Key} from data written in pieces (Go ckit's {@code shard.KeyBuilder}).
 *
 * <p>The key is the XXH64 (seed 0) of all bytes written since creation or the last {@link
 * #reset()}; how the bytes are split across writes does not matter, so writing a string's UTF-8
 * bytes gives {@code Key.of(string)}. {@link #key()} does not disturb the state: more data may be
 * written afterwards.
 *
 * <p>Keys of two tenants' series, with one builder; {@code first} equals {@code
 * Key.of("tenant-1/series-42")} (compiled and run in {@code KeyTest}):
 *
 * <!-- snippet: KeyTest#builder -->
 * <pre>{@code
 * KeyBuilder builder = new KeyBuilder(); // one per thread, reused for each key
 * Key first = builder.write("tenant-1").write("/").write("series-42").key();
 * Key second = builder.reset().write("tenant-2").write("/").write("series-42").key();
 * }</pre>
 *
 * <p>Not thread-safe: use one builder per thread, or confine it.
 */
public final class KeyBuilder {
  private final Xxh64Digest digest = new Xxh64Digest();

  /** Creates an empty builder. */
  public KeyBuilder() {}

  /**
   * Appends all of {@code bytes}.
   *
   * @param bytes the bytes to append
   * @return this builder
   * @throws NullPointerException if {@code bytes} is null
   */
  public KeyBuilder write(byte[] bytes) {
    digest.write(bytes, 0, bytes.length);
    return this;
  }

  /**
   * Appends {@code len} bytes of {@code bytes} starting at {@code off}.
   *
   * @param bytes the array holding the bytes to append
   * @param off the index of the first byte to append
   * @param len how many bytes to append
   * @return this builder
   * @throws NullPointerException if {@code bytes} is null
   * @throws IndexOutOfBoundsException if the range is not within {@code bytes}
   */
  public KeyBuilder write(byte[] bytes, int off, int len) {
    Objects.checkFromIndexSize(off, len, bytes.length);
    digest.write(bytes, off, len);
    return this;
  }

  /**
   * Appends the UTF-8 encoding of {@code s} (unpaired surrogates as {@code '?'}).
   *
   * @param s the string to append
   * @return this builder
   * @throws NullPointerException if {@code s} is null
   */
  public KeyBuilder write(String s) {
    digest.writeUtf8(Objects.requireNonNull(s, "s"));
    return this;
  }

  /**
   * Returns the key of everything written since creation or the last reset.
   *
   * @return the key; the builder is unchanged
   */
  public Key key() {
    return new Key(digest.sum());
  }

  /**
   * Forgets everything written, so the builder can build another key.
   *
   * @return this builder
   */
  public KeyBuilder reset() {
    digest.reset();
    return this;
  }
}
