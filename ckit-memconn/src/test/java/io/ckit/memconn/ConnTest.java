/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Buffering and close semantics of {@link Conn}, as in Go ckit's memconn. Deadlines are in
 * {@link ConnDeadlineTest}.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConnTest {
  private final Pipe pipe = Pipe.create();
  private final Conn local = pipe.local();
  private final Conn remote = pipe.remote();

  @AfterEach
  void closePipe() {
    local.close();
    remote.close();
  }

  @Test
  void shouldDeliverBytesInOrderInBothDirections() throws Exception {
    local.outputStream().write("ping".getBytes(UTF_8));
    remote.outputStream().write("pong".getBytes(UTF_8));
    assertEquals("ping", read(remote, 4));
    assertEquals("pong", read(local, 4));
  }

  @Test
  void shouldReturnWhatIsBufferedWithoutWaitingToFillTheArray() throws Exception {
    local.outputStream().write(new byte[] {1, 2, 3});
    byte[] buffer = new byte[Conn.BUFFER_SIZE * 10];
    assertEquals(3, remote.inputStream().read(buffer));
    assertEquals(0, remote.inputStream().available());
  }

  @Test
  void shouldBufferOneKibibyteAndBlockTheWriterBeyondIt() throws Exception {
    byte[] full = pattern(Conn.BUFFER_SIZE);
    local.outputStream().write(full); // Fits: returns without a reader.
    assertEquals(Conn.BUFFER_SIZE, remote.inputStream().available());

    BackgroundCall<Void> writer = BackgroundCall.<Void>start("writer", () -> {
      local.outputStream().write(new byte[] {42});
      return null;
    }).awaitBlocked();
    assertFalse(writer.isDone(), "a write into a full buffer must block");

    byte[] first = new byte[10];
    assertEquals(10, remote.inputStream().read(first)); // Frees room: the writer finishes.
    writer.result();
    assertArrayEquals(Arrays.copyOf(full, 10), first);
    assertEquals(Conn.BUFFER_SIZE - 10 + 1, remote.inputStream().available());
  }

  @Test
  void shouldCarryLargeTransfersBothWaysAtOnce() throws Exception {
    byte[] up = pattern(256 * 1024 + 7);
    byte[] down = pattern(200 * 1024 + 13);
    BackgroundCall<Void> upWriter = BackgroundCall.start("up", () -> {
      local.outputStream().write(up);
      return null;
    });
    BackgroundCall<Void> downWriter = BackgroundCall.start("down", () -> {
      remote.outputStream().write(down);
      return null;
    });
    BackgroundCall<byte[]> downReader =
        BackgroundCall.start("down-reader", () -> local.inputStream().readNBytes(down.length));
    assertArrayEquals(up, remote.inputStream().readNBytes(up.length));
    assertArrayEquals(down, downReader.result());
    upWriter.result();
    downWriter.result();
  }

  @Test
  void shouldLetThePeerDrainThenReadEndOfStreamAfterClose() throws Exception {
    local.outputStream().write("Hello".getBytes(UTF_8));
    local.close();
    assertTrue(remote.isClosed());
    assertEquals("Hello", new String(remote.inputStream().readAllBytes(), UTF_8));
    assertEquals(-1, remote.inputStream().read());
  }

  @Test
  void shouldLetTheClosingEndDrainToo() throws Exception {
    // Go's Close marks both ends closed but keeps their buffers readable.
    remote.outputStream().write("late".getBytes(UTF_8));
    local.close();
    assertEquals("late", new String(local.inputStream().readAllBytes(), UTF_8));
  }

  @Test
  void shouldFailWritesOnBothEndsAfterClose() {
    remote.close();
    assertThrows(ConnectionClosedException.class, () -> local.outputStream().write(1));
    assertThrows(ConnectionClosedException.class, () -> remote.outputStream().write(1));
  }

  @Test
  void shouldWakeABlockedReaderWithEndOfStreamOnClose() throws Exception {
    BackgroundCall<Integer> reader =
        BackgroundCall.start("reader", () -> remote.inputStream().read()).awaitBlocked();
    local.close();
    assertEquals(-1, reader.result());
  }

  @Test
  void shouldFailABlockedWriterOnClose() throws Exception {
    BackgroundCall<Void> writer = BackgroundCall.<Void>start("writer", () -> {
      local.outputStream().write(new byte[Conn.BUFFER_SIZE * 3]);
      return null;
    }).awaitBlocked();
    remote.close();
    ConnectionClosedException e = writer.failure(ConnectionClosedException.class);
    assertTrue(e.getMessage().contains("wrote 1024 of 3072 bytes"), e.getMessage());
  }

  @Test
  void shouldCloseTheConnectionWhenAStreamViewIsClosed() throws Exception {
    remote.inputStream().close();
    assertTrue(local.isClosed());
    Pipe other = Pipe.create();
    other.local().outputStream().close();
    assertTrue(other.remote().isClosed());
  }

  @Test
  void shouldIgnoreASecondClose() {
    local.close();
    local.close();
    remote.close();
    assertTrue(local.isClosed());
  }

  @Test
  void shouldRefuseDeadlinesOnceClosed() {
    local.close();
    assertThrows(IllegalStateException.class, () -> local.setReadDeadline(Instant.MAX));
    assertThrows(IllegalStateException.class, () -> remote.setWriteDeadline(Instant.MAX));
    assertThrows(IllegalStateException.class, () -> remote.setDeadline(Instant.MAX));
  }

  @Test
  void shouldFailABlockedReadWithInterruptedIoWhenInterrupted() throws Exception {
    BackgroundCall<Boolean> reader = BackgroundCall.start("reader", () -> {
      try {
        remote.inputStream().read();
        return false;
      } catch (InterruptedIOException e) {
        return Thread.currentThread().isInterrupted();
      }
    }).awaitBlocked();
    reader.interrupt();
    assertTrue(reader.result(), "the interrupt flag must be restored");
  }

  @Test
  void shouldReportPartialProgressWhenAWriteIsInterrupted() throws Exception {
    BackgroundCall<Integer> writer = BackgroundCall.start("writer", () -> {
      try {
        local.outputStream().write(new byte[Conn.BUFFER_SIZE * 2]);
        return -1;
      } catch (InterruptedIOException e) {
        return e.bytesTransferred;
      }
    }).awaitBlocked();
    writer.interrupt();
    assertEquals(Conn.BUFFER_SIZE, writer.result());
  }

  @Test
  void shouldReturnZeroForAnEmptyReadWithoutBlocking() throws Exception {
    assertEquals(0, remote.inputStream().read(new byte[4], 0, 0));
  }

  @Test
  void shouldReadSingleBytesAsUnsigned() throws Exception {
    local.outputStream().write(0xff);
    assertEquals(0xff, remote.inputStream().read());
  }

  @Test
  void shouldRejectOutOfRangeArrays() {
    assertThrows(IndexOutOfBoundsException.class, () -> remote.inputStream().read(new byte[2], 1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> local.outputStream().write(new byte[2], -1, 1));
  }

  @Test
  void shouldUseTheMemoryAddress() {
    assertEquals(MemoryAddress.INSTANCE, local.localAddress());
    assertEquals(MemoryAddress.INSTANCE, local.remoteAddress());
    assertEquals("memory", MemoryAddress.INSTANCE.toString());
    assertEquals("memory", MemoryAddress.INSTANCE.network());
  }

  @Test
  void shouldReturnTheSameStreamViewsEachTime() {
    assertTrue(local.inputStream() == local.inputStream());
    assertTrue(local.outputStream() == local.outputStream());
  }

  static String read(Conn conn, int length) throws Exception {
    InputStream in = conn.inputStream();
    return new String(in.readNBytes(length), UTF_8);
  }

  static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + (i >>> 8));
    }
    return bytes;
  }
}
