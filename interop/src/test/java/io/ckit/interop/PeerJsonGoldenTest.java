/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link Peer#toJson()} byte for byte with Go ckit's {@code Peer.MarshalJSON} (through
 * encoding/json), for every control and HTML-special character and random UTF-8, and parses Go's
 * bytes back. Cases come from {@code ckit-oracle peer-json} ({@code interop/go/peer.go}).
 */
class PeerJsonGoldenTest {
  @Test
  void shouldWriteGoJsonBytes() {
    String out = GoOracle.run(120, null, "peer-json", "-seed", "3", "-cases", "500").stdoutText();
    int checked = 0;
    for (String line : out.split("\n")) {
      String[] f = line.split(" ");
      if (!f[0].equals("j")) {
        fail("unexpected oracle line: " + line);
      }
      Peer peer =
          new Peer(Hex.text(f[1]), Hex.text(f[2]), f[3].equals("1"),
              State.fromWireValue(Integer.parseInt(f[4])));
      String goJson = new String(Hex.bytes(f[5]), StandardCharsets.UTF_8);
      assertEquals(goJson, peer.toJson(), () -> "toJson " + line);
      assertEquals(peer, Peer.fromJson(goJson), () -> "fromJson " + goJson);
      checked++;
    }
    assertEquals(500 + 4 + 32 + 11, checked);
  }
}
