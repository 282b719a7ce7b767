/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Read and write deadlines of {@link Conn}: Go ckit's {@code memconn_test.go}
 * ({@code TestConn_SetReadTimeout}, {@code TestConn_SetWriteTimeout}, {@code TestConn_SetTimeout})
 * and the deadline rules of {@code memconn.go}.
 *
 * <p>Real-time tests use a 100 ms deadline, as Go's do, and assert only that the call failed with
 * the deadline error and not before the deadline. Everything else runs on a {@link MutableClock}.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConnDeadlineTest {
  private static final Duration SHORT = Duration.ofMillis(100);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  // --- Go's memconn_test.go, on the system clock ---

  @Test
  void shouldFailABlockedReadWhenTheReadDeadlinePasses() {
    Pipe pipe = Pipe.create();
    Instant deadline = Instant.now().plus(SHORT);
    pipe.local().setReadDeadline(deadline);
    DeadlineExceededException e = assertThrows(DeadlineExceededException.class,
        () -> pipe.local().inputStream().read(new byte[Conn.BUFFER_SIZE * 10]));
    assertFalse(Instant.now().isBefore(deadline), "failed before the deadline");
    assertTrue(e.getMessage().contains("read deadline " + deadline), e.getMessage());
    assertTrue(e instanceof SocketTimeoutException);
  }

  @Test
  void shouldFailABlockedWriteWhenTheWriteDeadlinePassesAndReportWhatWasDelivered() throws Exception {
    Pipe pipe = Pipe.create();
    Instant deadline = Instant.now().plus(SHORT);
    pipe.local().setWriteDeadline(deadline);
    DeadlineExceededException e = assertThrows(DeadlineExceededException.class,
        () -> pipe.local().outputStream().write(new byte[Conn.BUFFER_SIZE * 10]));
    assertFalse(Instant.now().isBefore(deadline), "failed before the deadline");
    assertEquals(Conn.BUFFER_SIZE, e.bytesTransferred);
    assertEquals(Conn.BUFFER_SIZE, pipe.remote().inputStream().available());
  }

  @Test
  void shouldApplySetDeadlineToReadsAndThenToWrites() {
    Pipe pipe = Pipe.create();
    pipe.local().setDeadline(Instant.now().plus(SHORT));
    assertThrows(DeadlineExceededException.class,
        () -> pipe.local().inputStream().read(new byte[Conn.BUFFER_SIZE * 10]));
    pipe.local().setDeadline(Instant.now().plus(SHORT));
    assertThrows(DeadlineExceededException.class,
        () -> pipe.local().outputStream().write(new byte[Conn.BUFFER_SIZE * 10]));
  }

  // --- Deadline rules, deterministic ---

  @Test
  void shouldFailAtTheDeadlineEvenWithDataBuffered() throws Exception {
    MutableClock clock = new MutableClock(T0);
    Pipe pipe = Pipe.create(clock);
    pipe.remote().outputStream().write("data".getBytes(UTF_8));
    pipe.local().setReadDeadline(T0.plusSeconds(1));

    clock.advance(Duration.ofMillis(999));
    assertEquals('d', pipe.local().inputStream().read()); // Just before: fine.
    clock.advance(Duration.ofMillis(1));
    assertThrows(DeadlineExceededException.class, () -> pipe.local().inputStream().read());

    pipe.local().setReadDeadline(Conn.NO_DEADLINE); // Clearing it makes reads work again.
    assertEquals("ata", ConnTest.read(pipe.local(), 3));
  }

  @Test
  void shouldFailWritesAtTheWriteDeadlineEvenWithRoom() throws Exception {
    MutableClock clock = new MutableClock(T0);
    Pipe pipe = Pipe.create(clock);
    pipe.local().setWriteDeadline(T0);
    DeadlineExceededException e =
        assertThrows(DeadlineExceededException.class, () -> pipe.local().outputStream().write(1));
    assertEquals(0, e.bytesTransferred);
    assertEquals(0, pipe.remote().inputStream().available());
  }

  @Test
  void shouldKeepReadAndWriteDeadlinesApart() throws Exception {
    MutableClock clock = new MutableClock(T0);
    Pipe pipe = Pipe.create(clock);
    pipe.local().setReadDeadline(T0);
    pipe.local().outputStream().write(7); // The read deadline does not bind writes...
    pipe.remote().outputStream().write(8);
    assertThrows(DeadlineExceededException.class, () -> pipe.local().inputStream().read());
    assertEquals(7, pipe.remote().inputStream().read()); // ...nor the peer.
  }

  @Test
  void shouldWakeABlockedReaderWhenTheDeadlineIsMovedIntoThePast() throws Exception {
    Pipe pipe = Pipe.create();
    BackgroundCall<Integer> reader =
        BackgroundCall.start("reader", () -> pipe.local().inputStream().read()).awaitBlocked();
    pipe.local().setReadDeadline(Instant.EPOCH);
    reader.failure(DeadlineExceededException.class);
  }

  @Test
  void shouldWakeABlockedWriterWhenTheDeadlineIsMovedIntoThePast() throws Exception {
    Pipe pipe = Pipe.create();
    BackgroundCall<Void> writer = BackgroundCall.<Void>start("writer", () -> {
      pipe.local().outputStream().write(new byte[Conn.BUFFER_SIZE + 1]);
      return null;
    }).awaitBlocked();
    pipe.local().setWriteDeadline(Instant.EPOCH);
    assertEquals(Conn.BUFFER_SIZE, writer.failure(DeadlineExceededException.class).bytesTransferred);
  }

  @Test
  void shouldLetABlockedReaderWaitLongerWhenTheDeadlineIsCleared() throws Exception {
    // The clock stands still, so the reader's deadline can only pass if the test moves it.
    MutableClock clock = new MutableClock(T0);
    Pipe pipe = Pipe.create(clock);
    pipe.local().setReadDeadline(T0.plus(Duration.ofHours(1)));
    BackgroundCall<Integer> reader =
        BackgroundCall.start("reader", () -> pipe.local().inputStream().read()).awaitBlocked();
    pipe.local().setReadDeadline(Conn.NO_DEADLINE);
    clock.advance(Duration.ofHours(2));
    pipe.remote().outputStream().write(5);
    assertEquals(5, reader.result());
  }

  @Test
  void shouldAcceptDeadlinesTooFarAwayToWaitForInNanoseconds() throws Exception {
    Pipe pipe = Pipe.create();
    pipe.local().setReadDeadline(Instant.now().plus(Duration.ofDays(365 * 1000)));
    BackgroundCall<Integer> reader =
        BackgroundCall.start("reader", () -> pipe.local().inputStream().read()).awaitBlocked();
    pipe.remote().outputStream().write(9);
    assertEquals(9, reader.result());
  }

  @Test
  void shouldRejectNullDeadlines() {
    Pipe pipe = Pipe.create();
    assertThrows(NullPointerException.class, () -> pipe.local().setReadDeadline(null));
    assertThrows(NullPointerException.class, () -> pipe.local().setWriteDeadline(null));
    assertThrows(NullPointerException.class, () -> pipe.local().setDeadline(null));
  }
}
