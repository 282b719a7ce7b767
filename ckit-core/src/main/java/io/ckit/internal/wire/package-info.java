/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Not API. The memberlist and ckit wire formats, byte-compatible with Go: message records, go-msgpack's
 * exact encoding, compound messages, LZW compression, CRC and label envelopes, push/pull bodies, ckit's
 * State and localState payloads, and gossiphttp framing. See {@code docs/protocol.md}.
 *
 * <p>Conventions: Go {@code uint32} fields (sequence numbers, incarnations) are Java {@code int}s with
 * unsigned semantics; compare them with {@link java.lang.Integer#compareUnsigned}. Go {@code uint16}
 * ports are {@code int}s in 0..65535. Go {@code uint64} lamport times are {@code long}s with unsigned
 * semantics. Byte-array fields are never copied: callers must not mutate arrays they pass in or get
 * back. A {@code null} byte array is Go's nil slice (msgpack nil), distinct from an empty array.
 *
 * <p>The msgpack code is our own ({@code MsgpackWriter}, {@code MsgpackReader}, {@code
 * MsgpackScanner}) rather than a library such as msgpack-core, because byte-exact Go compatibility
 * needs choices generic libraries do not offer: go-msgpack writes Go {@code int} fields that are
 * positive and above 127 in the <em>signed</em> families ({@code D1/D2/D3}), writes strings and
 * {@code []byte} in the legacy raw-string family (never str8 or bin), and sorts struct keys.
 *
 * <p>Strings: Go strings are byte sequences; Java strings are Unicode. Encoders write UTF-8 (an
 * unpaired surrogate becomes {@code ?}). Decoders require valid UTF-8 and reject anything else with
 * {@link io.ckit.internal.wire.WireFormatException}, so a name from Go is never silently altered.
 */
package io.ckit.internal.wire;
