/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * A single memberlist message that can travel in a packet (possibly inside a compound) and is
 * encoded as its type byte followed by a msgpack body. Envelopes (compound, compress, CRC, label)
 * are not messages; see {@link Codec}.
 */
public sealed interface Message
    permits Ping, IndirectPingReq, AckResp, NackResp, ErrResp, Suspect, Alive, Dead, UserMsg {
  /** Returns the type byte this message is encoded with. */
  MessageType type();
}
