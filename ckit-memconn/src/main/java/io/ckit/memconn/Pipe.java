/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import io.ckit.memconn.internal.ConnPair;
import java.time.Clock;
import java.util.Objects;

/**
 * A single pair of connected in-memory connections: Go ckit's {@code memconn.Pipe}. Use a {@link
 * Listener} to create more than one connection to the same place.
 *
 * <p>Bytes written to {@code local} are read from {@code remote} and the other way round. Closing
 * either end closes both. Unlike Go's {@code Pipe}, creating one starts no thread and cannot fail.
 *
 * @param local the first end (in Go, the dialing side)
 * @param remote the second end (in Go, the accepted side)
 */
public record Pipe(Conn local, Conn remote) {
  /**
   * Creates a pipe from two ends.
   *
   * @param local the first end
   * @param remote the second end
   * @throws NullPointerException if an end is {@code null}
   */
  public Pipe {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
  }

  /**
   * Creates a connected pair whose deadlines are measured on the system UTC clock.
   *
   * @return a new pipe; never blocks
   */
  public static Pipe create() {
    return create(Clock.systemUTC());
  }

  /**
   * Creates a connected pair whose deadlines are measured on {@code clock}.
   *
   * <p>A call blocked until a deadline waits, in real time, for as long as the clock says is left,
   * then reads the clock again. A clock that does not keep pace with real time (a test clock)
   * therefore only makes deadlines expire when it is read: at the start of a call, when a deadline
   * is set, or when a wait ends.
   *
   * @param clock the clock read to decide whether a deadline has passed; not {@code null}
   * @return a new pipe; never blocks
   */
  public static Pipe create(Clock clock) {
    ConnPair pair = ConnPair.create(clock);
    return new Pipe(pair.first(), pair.second());
  }
}
