/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.log.NodeLog;

/** The log of engine parts that tests build by hand. */
final class TestLog {
  static final NodeLog LOG = NodeLog.memberlist("test-node", System::nanoTime);

  private TestLog() {}
}
