/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stopping a transport lets its packet requests in flight finish (as Go's transport finishes the
 * packet it is writing), so that a leave gossiped just before a node stops is not aborted.
 */
@Timeout(60)
class PacketStopTest {

  @ParameterizedTest
  @EnumSource(TestNode.Mode.class)
  void shouldLetAPacketInFlightFinishWhenStopped(TestNode.Mode mode) throws Exception {
    HoldingHandler[] holding = new HoldingHandler[1];
    try (TestNode receiver =
            TestNode.start(mode, b -> {}, t -> holding[0] = new HoldingHandler(t.handler()));
        TestNode sender =
            TestNode.start(mode, b -> b.routes(receiver.routes()), GossipTransport::handler)) {
      sender.transport.sendPacket(receiver.address, new byte[] {1, 2, 3});
      assertTrue(holding[0].held.await(20, TimeUnit.SECONDS), "the packet reached the receiver");

      Thread stopper = new Thread(sender.transport::stop, "stopper");
      stopper.start();
      // stop() now waits for the request it could otherwise abort; only then is it answered.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (stopper.getState() != Thread.State.TIMED_WAITING) {
        assertTrue(stopper.isAlive(), "stop() returned with a packet in flight");
        assertTrue(System.nanoTime() < deadline, "stop() did not wait: " + stopper.getState());
        LockSupport.parkNanos(1_000_000);
      }
      holding[0].release.countDown();
      stopper.join(TimeUnit.SECONDS.toMillis(20));

      RecordingSink.Packet packet = receiver.sink.packets.poll(20, TimeUnit.SECONDS);
      assertNotNull(packet);
      assertArrayEquals(new byte[] {1, 2, 3}, packet.payload());
      assertEquals(0, sender.transport.metrics().failedPackets(), "the packet was not aborted");
    }
  }

  /** Holds each request until released, then hands it to the transport's handler. */
  private static final class HoldingHandler extends Handler.Wrapper {
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    HoldingHandler(Handler next) {
      super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      held.countDown();
      Thread later =
          new Thread(
              () -> {
                try {
                  release.await();
                  if (!getHandler().handle(request, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                  }
                } catch (Throwable e) {
                  callback.failed(e);
                }
              },
              "held-request");
      later.setDaemon(true);
      later.start();
      return true;
    }
  }
}
