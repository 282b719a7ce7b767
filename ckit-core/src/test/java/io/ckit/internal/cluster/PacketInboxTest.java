/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.InboundPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacketInboxTest {
  private static InboundPacket packet(int i) {
    return new InboundPacket("10.0.0.1:7946", new byte[] {(byte) i});
  }

  @Test
  void shouldDropTheOldestWhenFull() {
    AtomicInteger dropped = new AtomicInteger();
    PacketInbox inbox = new PacketInbox(2, dropped::incrementAndGet);
    inbox.offer(packet(1));
    inbox.offer(packet(2));
    inbox.offer(packet(3));

    List<InboundPacket> out = new ArrayList<>();
    inbox.drainTo(out, 10);

    assertEquals(1, dropped.get());
    assertEquals(List.of(2, 3), out.stream().map(p -> (int) p.packet()[0]).toList());
  }

  @Test
  void shouldStayEmptyAfterCloseEvenWithConcurrentProducers() throws Exception {
    PacketInbox inbox = new PacketInbox(1000, () -> {});
    CountDownLatch started = new CountDownLatch(4);
    List<Thread> producers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread producer =
          new Thread(
              () -> {
                started.countDown();
                for (int i = 0; i < 200_000; i++) {
                  inbox.offer(packet(i));
                }
              });
      producers.add(producer);
      producer.start();
    }
    assertTrue(started.await(10, TimeUnit.SECONDS));

    inbox.close();
    for (Thread producer : producers) {
      producer.join(TimeUnit.SECONDS.toMillis(30));
    }

    assertEquals(0, inbox.size());
  }
}
