/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.log.NodeLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.NodeStoppedException;
import io.ckit.internal.swim.InboundPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The membership loop with a recording driver: batching, wake-ups, deadlines, failures, exit. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MembershipLoopTest {
  private final LinkedBlockingQueue<List<InboundPacket>> batches = new LinkedBlockingQueue<>();
  private final AtomicInteger polls = new AtomicInteger();
  private final LinkedBlockingQueue<Long> pollTimes = new LinkedBlockingQueue<>();
  private final AtomicLong nextDeadline = new AtomicLong(Long.MAX_VALUE);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicInteger dropped = new AtomicInteger();
  private final PacketInbox packets = new PacketInbox(3, dropped::incrementAndGet);

  private final MembershipLoop loop =
      new MembershipLoop(
          "test-loop",
          new MembershipLoop.Driver() {
            @Override
            public void started(long nowNanos) {}

            @Override
            public void packets(List<InboundPacket> batch, long nowNanos) {
              batches.add(batch);
            }

            @Override
            public long poll(long nowNanos) {
              polls.incrementAndGet();
              pollTimes.add(nowNanos);
              return nextDeadline.get();
            }

            @Override
            public void stopped(long nowNanos) {
              stopped.countDown();
            }
          },
          packets,
          System::nanoTime,
          NodeLog.node("test", System::nanoTime));

  private static InboundPacket packet(int i) {
    return new InboundPacket("10.0.0.1:1234", new byte[] {(byte) i});
  }

  @Test
  void shouldDropTheOldestPacketWhenTheInboxIsFull() {
    for (int i = 0; i < 5; i++) {
      packets.offer(packet(i));
    }
    assertEquals(2, dropped.get());
    List<InboundPacket> drained = new ArrayList<>();
    packets.drainTo(drained, 10);
    assertEquals(List.of(2, 3, 4), drained.stream().map(p -> (int) p.packet()[0]).toList());
  }

  @Test
  void shouldDeliverQueuedPacketsAsOneBatchAndRunTasksInOrder() throws Exception {
    packets.offer(packet(1));
    packets.offer(packet(2));
    List<Integer> order = new ArrayList<>();
    CompletableFuture<List<Integer>> ran = new CompletableFuture<>();
    loop.post(now -> order.add(1));
    loop.post(now -> order.add(2));
    loop.post(now -> ran.complete(List.copyOf(order)));
    loop.start();
    assertEquals(2, batches.poll(10, TimeUnit.SECONDS).size(), "both packets in one batch");
    assertEquals(List.of(1, 2), ran.get(10, TimeUnit.SECONDS));
    exit();
  }

  @Test
  void shouldWakeFromAnIndefiniteParkForNewInput() throws Exception {
    loop.start();
    CompletableFuture<Thread> ran = new CompletableFuture<>();
    loop.post(now -> ran.complete(Thread.currentThread()));
    assertEquals("test-loop", ran.get(10, TimeUnit.SECONDS).getName());
    // The loop now parks without deadline; a packet must wake it.
    packets.offer(packet(9));
    loop.wake();
    assertEquals(1, batches.poll(10, TimeUnit.SECONDS).size());
    exit();
  }

  @Test
  void shouldPollAgainAtTheDeadline() throws Exception {
    long period = TimeUnit.MILLISECONDS.toNanos(20);
    nextDeadline.set(System.nanoTime() + period);
    loop.start();
    // No input arrives: only the deadline can make the loop poll again. Each poll moves it on.
    for (int i = 0; i < 3; i++) {
      Long at = pollTimes.poll(10, TimeUnit.SECONDS);
      assertTrue(at != null, "no poll " + (i + 1));
      nextDeadline.set(at + period);
    }
    nextDeadline.set(Long.MAX_VALUE);
    exit();
  }

  @Test
  void shouldSurviveAFailingTask() throws Exception {
    loop.start();
    loop.post(now -> {
      throw new IllegalStateException("boom");
    });
    CompletableFuture<Boolean> after = new CompletableFuture<>();
    loop.post(now -> after.complete(true));
    assertTrue(after.get(10, TimeUnit.SECONDS));
    exit();
  }

  @Test
  void shouldAbandonTasksAfterExit() throws Exception {
    loop.start();
    exit();
    CompletableFuture<Void> abandoned = new CompletableFuture<>();
    loop.post(
        new MembershipLoop.Task() {
          @Override
          public void run(long nowNanos) {
            abandoned.complete(null);
          }

          @Override
          public void abandon(NodeStoppedException cause) {
            abandoned.completeExceptionally(cause);
          }
        });
    ExecutionException e = assertThrows(ExecutionException.class, abandoned::get);
    assertInstanceOf(NodeStoppedException.class, e.getCause());
    assertEquals(0, loop.queuedTasks());
    assertTrue(packets.isEmpty());
  }

  private void exit() throws InterruptedException {
    loop.post(now -> loop.requestExit());
    assertTrue(loop.awaitExit(10, TimeUnit.SECONDS));
    assertTrue(stopped.await(10, TimeUnit.SECONDS));
  }
}
