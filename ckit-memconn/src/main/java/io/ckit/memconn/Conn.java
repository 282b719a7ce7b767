/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;

/**
 * One end of an in-memory, full-duplex byte connection: the Java form of a Go ckit memconn
 * {@code net.Conn}.
 *
 * <p>Bytes written to one end are read from the other, in order. Each direction buffers up to
 * {@value #BUFFER_SIZE} bytes: a write returns as soon as its bytes fit in the peer's buffer and
 * blocks while the buffer is full. A read returns as soon as at least one byte is buffered and
 * blocks while none is.
 *
 * <p><b>Deadlines.</b> A read or write deadline is an absolute {@link Instant} on the connection's
 * clock (the system UTC clock unless {@link Pipe#create(java.time.Clock)} or
 * {@link Listener#create(java.time.Clock)} says otherwise). Once it has passed, reads (or writes)
 * fail with {@link DeadlineExceededException}, including calls already blocked, even if data is
 * buffered. Setting a new deadline, earlier or later, applies to blocked calls too.
 * {@link #NO_DEADLINE} removes a deadline. No thread or timer is used: blocked calls wait with a
 * timeout.
 *
 * <p><b>Closing.</b> {@link #close()} on either end closes the whole connection. Afterwards both
 * ends still read what is buffered for them and then read end-of-stream; every write fails with
 * {@link ConnectionClosedException}; blocked calls wake up and do the same.
 *
 * <p><b>Threads.</b> Implementations are thread safe. One thread may read while another writes;
 * several concurrent readers (or writers) are allowed but their bytes may interleave.
 *
 * <p>The stream views are the only way to move bytes. Their failures are {@link
 * java.io.IOException}s because {@code java.io} requires it: {@link DeadlineExceededException} (a
 * {@link java.net.SocketTimeoutException}), {@link ConnectionClosedException}, and {@link
 * java.io.InterruptedIOException} when the calling thread is interrupted while blocked.
 */
public interface Conn extends Closeable {
  /** The number of bytes each direction buffers before a write blocks: 1 KiB, as in Go ckit. */
  int BUFFER_SIZE = 1024;

  /** The deadline value that means "no deadline", the analogue of Go's zero {@code time.Time}. */
  Instant NO_DEADLINE = Instant.MAX;

  /**
   * Returns the stream of bytes written by the peer. The same instance is returned on every call.
   *
   * <p>{@code read} blocks until at least one byte is available, the connection is closed and
   * drained (it then returns {@code -1}), or the read deadline passes. Closing the stream closes the
   * connection.
   *
   * @return the input view, never {@code null}
   */
  InputStream inputStream();

  /**
   * Returns the stream of bytes sent to the peer. The same instance is returned on every call.
   *
   * <p>{@code write} blocks until all bytes are in the peer's buffer; if it fails part way, the
   * exception's {@link java.io.InterruptedIOException#bytesTransferred bytesTransferred} says how
   * many were delivered. {@code flush} does nothing, since writes are never held back. Closing the
   * stream closes the connection.
   *
   * @return the output view, never {@code null}
   */
  OutputStream outputStream();

  /**
   * Sets the read and the write deadline, as Go's {@code SetDeadline}.
   *
   * @param deadline when reads and writes start to fail; {@link #NO_DEADLINE} for none; not
   *     {@code null}
   * @throws IllegalStateException if the connection is closed, as Go's memconn reports
   */
  void setDeadline(Instant deadline);

  /**
   * Sets the read deadline. It applies to reads in progress and to later reads.
   *
   * @param deadline when reads start to fail; {@link #NO_DEADLINE} for none; not {@code null}
   * @throws IllegalStateException if the connection is closed, as Go's memconn reports
   */
  void setReadDeadline(Instant deadline);

  /**
   * Sets the write deadline. It applies to writes in progress and to later writes.
   *
   * @param deadline when writes start to fail; {@link #NO_DEADLINE} for none; not {@code null}
   * @throws IllegalStateException if the connection is closed, as Go's memconn reports
   */
  void setWriteDeadline(Instant deadline);

  /**
   * Returns this end's address, which is always {@link MemoryAddress#INSTANCE}.
   *
   * @return the local address
   */
  MemoryAddress localAddress();

  /**
   * Returns the peer's address, which is always {@link MemoryAddress#INSTANCE}.
   *
   * @return the remote address
   */
  MemoryAddress remoteAddress();

  /**
   * Returns whether the connection has been closed, by either end.
   *
   * @return {@code true} once {@link #close()} was called on either end
   */
  boolean isClosed();

  /**
   * Closes the connection, both ends at once, and wakes every blocked call. Closing again does
   * nothing. Never blocks for long and never fails.
   */
  @Override
  void close();
}
