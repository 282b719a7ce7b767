package io.ckit.internal.swim;

import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Suspect;
import org.junit.jupiter.api.Test;

class QueueDebugTest {
  @Test
  void q() {
    TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 100, 4);
    q.queueBroadcast(new MemberlistBroadcast("node-76", Codec.encode(new Suspect(1, "node-76", "node-40")), null));
    for (int i = 0; i < 4; i++) q.getBroadcasts(2, 1000);
    show(q);
    q.queueBroadcast(new MemberlistBroadcast("node-76", Codec.encode(new Alive(2, "node-76", new byte[]{10,0,0,77}, 7946, null, Codec.CKIT_VSN)), null));
    show(q);
    q.queueBroadcast(new MemberlistBroadcast("10.0.0.92", Codec.encode(new Alive(2, "node-91", new byte[]{10,0,0,92}, 7946, null, Codec.CKIT_VSN)), null));
    show(q);
  }

  static void show(TransmitLimitedQueue q) {
    StringBuilder sb = new StringBuilder("idGen=" + q.idGen());
    for (TransmitLimitedQueue.Item it : q.orderedView(false)) sb.append(" ").append(it.name).append("/t").append(it.transmits).append("/len").append(it.msgLen).append("/id").append(it.id);
    System.out.println(sb);
  }
}
