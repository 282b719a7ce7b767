/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.sidebyside;

import java.lang.management.ManagementFactory;

/**
 * The JVM's used heap after full collections, live thread count and process CPU time at one
 * moment.
 *
 * @param heapUsed heap bytes in use after {@code System.gc()} (a full, stop-the-world collection
 *     with the default collectors), the analogue of Go's {@code HeapAlloc} after {@code
 *     runtime.GC()}
 * @param threads live threads, daemon or not
 * @param cpuNanos CPU time of the whole process, user and system
 */
record ProcessSample(long heapUsed, int threads, long cpuNanos) {
  /** Collects garbage until the used heap stops shrinking (at most five times), then samples. */
  static ProcessSample take() {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long now = memory.getHeapMemoryUsage().getUsed();
      if (now >= used) {
        break;
      }
      used = now;
    }
    return new ProcessSample(used, ManagementFactory.getThreadMXBean().getThreadCount(), cpu());
  }

  /**
   * Returns the JIT compilers' accumulated compilation time in milliseconds (the compiler threads
   * are CPU-bound, so this is about their CPU time), or 0 if the JVM does not tell.
   */
  static long jitMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : 0;
  }

  /** Returns the process CPU time now, without collecting garbage. */
  static long cpu() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
