/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.log;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The log of one node's subsystem: every line names its node with the SLF4J key-value pair {@code
 * node=<name>}, as Go ckit's users get with {@code log.With(logger, "node", name)}, and goes to the
 * logger of its subsystem ({@code io.ckit.memberlist} for memberlist's own lines, {@code
 * io.ckit.transport}, {@code io.ckit.node}), as Go ckit tags memberlist's lines {@code
 * subsystem=memberlist}. Levels follow memberlist's ({@code [ERR]} is ERROR, {@code [WARN]} WARN,
 * {@code [INFO]} INFO, {@code [DEBUG]} DEBUG).
 *
 * <h2>Lines caused by remote input</h2>
 *
 * <p>A peer, or a stranger, controls how often a malformed packet or a rejected stream happens, so
 * such lines go through {@link #remote}: each reason is counted, its first occurrence is logged,
 * and later ones are folded into one summary line per reason at most once per {@link
 * #SUMMARY_INTERVAL_NANOS} ("... (and 1234 more like it in the last 60 s)"), logged by the next
 * occurrence or by {@link #flushSummaries}. The number of lines an attacker can cause is therefore
 * bounded by the number of reasons per minute, whatever the packet rate, and no stack trace is ever
 * logged for remote input.
 *
 * <p>Thread-safe. Logging never blocks on the rate limiter (one compare-and-set per remote line).
 */
public final class NodeLog {
  /** The shortest time between two lines of the same remote-caused reason, one minute. */
  public static final long SUMMARY_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** The key of the key-value pair that names the node on every line. */
  public static final String NODE_KEY = "node";

  private final Logger logger;
  private final String node;
  private final LongSupplier nanoClock;
  private final Map<String, Reason> reasons = new ConcurrentHashMap<>();

  private NodeLog(Logger logger, String node, LongSupplier nanoClock) {
    this.logger = logger;
    this.node = node;
    this.nanoClock = nanoClock;
  }

  /**
   * Returns the log of memberlist's own lines ({@code io.ckit.memberlist}) for one node.
   *
   * @param node the node's name
   * @param nanoClock the monotonic clock the rate limiter reads
   * @return a new log; keep one per node and subsystem, so that reasons are counted together
   */
  public static NodeLog memberlist(String node, LongSupplier nanoClock) {
    return create("io.ckit.memberlist", node, nanoClock);
  }

  /**
   * Returns the log of the HTTP/2 transport ({@code io.ckit.transport}) for one node.
   *
   * @param node the node's name
   * @param nanoClock the monotonic clock the rate limiter reads
   * @return a new log
   */
  public static NodeLog transport(String node, LongSupplier nanoClock) {
    return create("io.ckit.transport", node, nanoClock);
  }

  /**
   * Returns the log of the node itself ({@code io.ckit.node}): lifecycle, ckit's state messages.
   *
   * @param node the node's name
   * @param nanoClock the monotonic clock the rate limiter reads
   * @return a new log
   */
  public static NodeLog node(String node, LongSupplier nanoClock) {
    return create("io.ckit.node", node, nanoClock);
  }

  /**
   * Returns a log on any logger name (tests, add-on modules).
   *
   * @param loggerName the SLF4J logger name
   * @param node the node's name
   * @param nanoClock the monotonic clock the rate limiter reads
   * @return a new log
   */
  public static NodeLog create(String loggerName, String node, LongSupplier nanoClock) {
    return new NodeLog(
        LoggerFactory.getLogger(Objects.requireNonNull(loggerName, "loggerName")),
        Objects.requireNonNull(node, "node"),
        Objects.requireNonNull(nanoClock, "nanoClock"));
  }

  /** Returns the node this log names. */
  public String node() {
    return node;
  }

  /** Returns whether DEBUG lines are logged (to skip building their arguments). */
  public boolean isDebugEnabled() {
    return logger.isDebugEnabled();
  }

  /** Logs at ERROR. */
  public void error(String message, Object... args) {
    log(Level.ERROR, null, message, args);
  }

  /** Logs at ERROR with a cause, whose stack trace is printed: only for local faults. */
  public void error(Throwable cause, String message, Object... args) {
    log(Level.ERROR, cause, message, args);
  }

  /** Logs at WARN. */
  public void warn(String message, Object... args) {
    log(Level.WARN, null, message, args);
  }

  /** Logs at WARN with a cause, whose stack trace is printed: only for local faults. */
  public void warn(Throwable cause, String message, Object... args) {
    log(Level.WARN, cause, message, args);
  }

  /** Logs at INFO. */
  public void info(String message, Object... args) {
    log(Level.INFO, null, message, args);
  }

  /** Logs at DEBUG. */
  public void debug(String message, Object... args) {
    log(Level.DEBUG, null, message, args);
  }

  /**
   * Counts a line caused by remote input and logs it rate-limited: the first occurrence of {@code
   * reason}, then at most one summary per minute. Never logs a stack trace.
   *
   * @param level the level memberlist (or Go ckit) logs this line at
   * @param reason a constant naming the kind of input, such as {@code "malformed-packet"}; the
   *     number of distinct reasons must be small and fixed (it bounds the log rate)
   * @param message the line, with {@code {}} placeholders
   * @param args the placeholders' values
   */
  public void remote(Level level, String reason, String message, Object... args) {
    Reason counted = reasons.computeIfAbsent(reason, r -> new Reason());
    long now = nanoClock.getAsLong();
    long suppressed = counted.occurred(now);
    if (suppressed < 0 || !logger.isEnabledForLevel(level)) {
      return;
    }
    if (suppressed == 0) {
      log(level, null, message, args);
    } else {
      log(
          level,
          null,
          message + " (and {} more like it in the last {} s)",
          append(args, suppressed, counted.windowSeconds()));
    }
  }

  /**
   * Logs a summary for every reason whose suppressed occurrences are older than the summary
   * interval; the membership loop calls it now and then so that the last burst of an attack is
   * reported even when no further occurrence comes.
   */
  public void flushSummaries() {
    long now = nanoClock.getAsLong();
    for (Map.Entry<String, Reason> entry : reasons.entrySet()) {
      long suppressed = entry.getValue().flush(now);
      if (suppressed > 0) {
        log(
            Level.WARN,
            null,
            "{} more occurrences of \"{}\" in the last {} s were not logged",
            new Object[] {suppressed, entry.getKey(), entry.getValue().windowSeconds()});
      }
    }
  }

  /**
   * Returns how often a remote-caused reason occurred since the node was created.
   *
   * @param reason the reason
   * @return the count, 0 if it never occurred
   */
  public long remoteCount(String reason) {
    Reason counted = reasons.get(reason);
    return counted == null ? 0 : counted.total();
  }

  /** Returns the count of every remote-caused reason seen so far, keyed by reason. */
  public Map<String, Long> remoteCounts() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    reasons.forEach((reason, counted) -> counts.put(reason, counted.total()));
    return counts;
  }

  private void log(Level level, Throwable cause, String message, Object[] args) {
    if (!logger.isEnabledForLevel(level)) {
      return;
    }
    LoggingEventBuilder event =
        logger.atLevel(level).addKeyValue(NODE_KEY, node).setMessage(message);
    for (Object arg : args) {
      event = event.addArgument(arg);
    }
    if (cause != null) {
      event = event.setCause(cause);
    }
    event.log();
  }

  private static Object[] append(Object[] args, Object a, Object b) {
    Object[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = a;
    all[args.length + 1] = b;
    return all;
  }

  /** One remote-caused reason: its total, and the occurrences not yet logged. */
  private static final class Reason {
    private long total; // guarded by this
    private long suppressed; // guarded by this
    private long lastLogged; // guarded by this
    private boolean everLogged; // guarded by this
    private long foldedWindow; // guarded by this: the span the last summary covers

    /**
     * Records an occurrence.
     *
     * @return -1 to log nothing, 0 to log the line itself, or n > 0 to log it with a summary of n
     *     earlier occurrences that were not logged
     */
    synchronized long occurred(long now) {
      total++;
      if (!everLogged) {
        everLogged = true;
        lastLogged = now;
        return 0;
      }
      if (now - lastLogged < SUMMARY_INTERVAL_NANOS) {
        suppressed++;
        return -1;
      }
      return fold(now);
    }

    /** Returns the occurrences to summarise now, 0 if none or if the interval has not passed. */
    synchronized long flush(long now) {
      if (suppressed == 0 || now - lastLogged < SUMMARY_INTERVAL_NANOS) {
        return 0;
      }
      return fold(now);
    }

    private long fold(long now) {
      long folded = suppressed;
      suppressed = 0;
      foldedWindow = now - lastLogged;
      lastLogged = now;
      return folded;
    }

    /** Returns the span, in whole seconds (at least 1), that the last summary covers. */
    synchronized long windowSeconds() {
      return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(foldedWindow));
    }

    synchronized long total() {
      return total;
    }
  }
}
