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

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Listener} and {@link Pipe}: Go ckit's {@code listener_test.go} ({@code TestListener},
 * {@code TestListener_LocalConnPipe}, {@code TestListener_RemoteConnPipe}) and the accept, dial
 * and close rules of {@code listener.go}.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ListenerTest {
  private static final String HELLO = "Hello, world!";
  private final Listener listener = Listener.create();

  @AfterEach
  void closeListener() {
    listener.close();
  }

  // --- Go's listener_test.go ---

  @Test
  void shouldCarryWhatOneEndWritesToTheOtherUntilEndOfStream() throws Exception {
    Pipe pipe = Pipe.create();
    BackgroundCall<Void> writer = BackgroundCall.start("writer", () -> {
      pipe.local().outputStream().write(HELLO.getBytes(UTF_8));
      pipe.local().close();
      return null;
    });
    assertEquals(HELLO, new String(pipe.remote().inputStream().readAllBytes(), UTF_8));
    writer.result();
  }

  @Test
  void shouldNotReadBackTheLocalEndsOwnWrites() throws Exception {
    Pipe pipe = Pipe.create();
    assertOwnWritesNotReadBack(pipe.local(), pipe.remote());
  }

  @Test
  void shouldNotReadBackTheRemoteEndsOwnWrites() throws Exception {
    Pipe pipe = Pipe.create();
    assertOwnWritesNotReadBack(pipe.remote(), pipe.local());
  }

  private static void assertOwnWritesNotReadBack(Conn writer, Conn peer) throws Exception {
    writer.outputStream().write(HELLO.getBytes(UTF_8));
    writer.setReadDeadline(Instant.now().plus(Duration.ofMillis(100)));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    assertThrows(DeadlineExceededException.class, () -> writer.inputStream().transferTo(sink));
    assertEquals(0, sink.size());
    assertEquals(HELLO, ConnTest.read(peer, HELLO.length())); // It went to the peer instead.
  }

  // --- Accept and dial ---

  @Test
  void shouldConnectADialToAnAccept() throws Exception {
    BackgroundCall<Conn> dialer = BackgroundCall.start("dialer", listener::dial);
    Conn server = listener.accept();
    Conn client = dialer.result();

    client.outputStream().write("request".getBytes(UTF_8));
    assertEquals("request", ConnTest.read(server, 7));
    server.outputStream().write("response".getBytes(UTF_8));
    assertEquals("response", ConnTest.read(client, 8));
    assertEquals(MemoryAddress.INSTANCE, listener.address());
  }

  @Test
  void shouldKeepConnectionsApart() throws Exception {
    BackgroundCall<Conn> first = BackgroundCall.start("first", listener::dial);
    Conn firstServer = listener.accept();
    BackgroundCall<Conn> second = BackgroundCall.start("second", listener::dial);
    Conn secondServer = listener.accept();

    first.result().outputStream().write(1);
    second.result().outputStream().write(2);
    assertEquals(1, firstServer.inputStream().read());
    assertEquals(2, secondServer.inputStream().read());
    first.result().close();
    assertFalse(secondServer.isClosed());
  }

  @Test
  void shouldAcceptPendingDialsInArrivalOrder() throws Exception {
    BackgroundCall<Conn> first = BackgroundCall.start("first", listener::dial).awaitBlocked();
    BackgroundCall<Conn> second = BackgroundCall.start("second", listener::dial).awaitBlocked();

    Conn server = listener.accept();
    server.outputStream().write(1);
    assertEquals(1, first.result().inputStream().read());
    assertFalse(second.isDone(), "the second dial must wait for its own accept");

    listener.accept().outputStream().write(2);
    assertEquals(2, second.result().inputStream().read());
  }

  @Test
  void shouldBlockADialUntilAcceptedOrTimedOut() throws Exception {
    DialTimeoutException e = assertThrows(
        DialTimeoutException.class, () -> listener.dial(Duration.ofMillis(50)));
    assertEquals(Duration.ofMillis(50), e.timeout());

    // The abandoned dial is gone: the next accept gets the next dial.
    BackgroundCall<Conn> acceptor = BackgroundCall.start("acceptor", listener::accept);
    Conn client = listener.dial(BackgroundCall.PATIENCE);
    client.outputStream().write(3);
    assertEquals(3, acceptor.result().inputStream().read());
  }

  @Test
  void shouldForgetAnInterruptedDial() throws Exception {
    BackgroundCall<Conn> dialer = BackgroundCall.start("dialer", listener::dial).awaitBlocked();
    dialer.interrupt();
    dialer.failure(InterruptedException.class);

    BackgroundCall<Conn> acceptor = BackgroundCall.start("acceptor", listener::accept);
    Conn client = listener.dial();
    client.outputStream().write(4);
    assertEquals(4, acceptor.result().inputStream().read());
  }

  @Test
  void shouldRejectNegativeOrNullDialTimeouts() {
    assertThrows(IllegalArgumentException.class, () -> listener.dial(Duration.ofMillis(-1)));
    assertThrows(NullPointerException.class, () -> listener.dial(null));
  }

  // --- Close ---

  @Test
  void shouldFailABlockedAcceptOnClose() throws Exception {
    BackgroundCall<Conn> acceptor = BackgroundCall.start("acceptor", listener::accept).awaitBlocked();
    listener.close();
    acceptor.failure(ListenerClosedException.class);
  }

  @Test
  void shouldFailABlockedDialOnClose() throws Exception {
    BackgroundCall<Conn> dialer = BackgroundCall.start("dialer", listener::dial).awaitBlocked();
    listener.close();
    dialer.failure(ListenerClosedException.class);
  }

  @Test
  void shouldFailAcceptAndDialAfterClose() {
    listener.close();
    assertTrue(listener.isClosed());
    assertThrows(ListenerClosedException.class, listener::accept);
    assertThrows(ListenerClosedException.class, listener::dial);
    assertThrows(ListenerClosedException.class, () -> listener.dial(Duration.ofSeconds(1)));
    listener.close(); // A second close does nothing.
  }

  @Test
  void shouldKeepAcceptedConnectionsOpenAfterClose() throws Exception {
    BackgroundCall<Conn> dialer = BackgroundCall.start("dialer", listener::dial);
    Conn server = listener.accept();
    Conn client = dialer.result();
    listener.close();

    assertFalse(server.isClosed());
    client.outputStream().write(6);
    assertEquals(6, server.inputStream().read());
  }
}
