/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import java.util.List;

/**
 * The outcome of {@link SwimEngine#join}: the join succeeded if at least one address answered the
 * push/pull (memberlist's {@code Join} returns an error only when none did).
 *
 * @param successes how many addresses completed a push/pull
 * @param errors one message per address that failed, in the order tried
 */
public record JoinResult(int successes, List<String> errors) {
  /** Copies {@code errors}. */
  public JoinResult {
    errors = List.copyOf(errors);
  }

  /** Returns true if at least one address was joined. */
  public boolean succeeded() {
    return successes > 0;
  }
}
