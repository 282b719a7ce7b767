/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

/**
 * The outcome of {@link SwimEngine#leave}.
 *
 * @param error null if the leave broadcast went out (or there was nobody to tell), else why not
 *     (for example "timeout waiting for leave broadcast")
 */
public record LeaveResult(String error) {
  /** Returns true if the leave broadcast finished. */
  public boolean succeeded() {
    return error == null;
  }
}
