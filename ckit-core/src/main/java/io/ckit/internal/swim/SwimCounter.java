/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

/** The engine's monotonic counters, read through {@link SwimCounters}. */
public enum SwimCounter {
  /** Packets handed to the engine. */
  PACKETS_RECEIVED,
  /** Bytes of packets handed to the engine. */
  PACKET_BYTES_RECEIVED,
  /** Packets given to {@link Network#sendPacket}. */
  PACKETS_SENT,
  /** Bytes of packets given to {@link Network#sendPacket}. */
  PACKET_BYTES_SENT,
  /** Streams accepted ({@link SwimEngine#onStream} calls). */
  STREAMS_ACCEPTED,
  /** Streams dialed (push/pull and join). */
  STREAMS_DIALED,
  /** Bytes written on streams (dialed and accepted). */
  STREAM_BYTES_SENT,
  /** Packets or streams dropped because their label differs from ours. */
  DROPPED_LABEL_MISMATCH,
  /** Packets dropped because their CRC did not match. */
  DROPPED_CRC_MISMATCH,
  /** Messages dropped because they could not be decoded (bad label header, msgpack, LZW...). */
  DROPPED_MALFORMED,
  /** Compound parts dropped because the compound was truncated. */
  DROPPED_COMPOUND_TRUNCATED,
  /** Messages dropped because their type is not handled on that path. */
  DROPPED_UNKNOWN_TYPE,
  /** Alive, suspect, dead or user messages dropped because a hand-off queue was full. */
  DROPPED_HANDOFF_FULL,
  /** Pings dropped because they named another node. */
  DROPPED_PING_WRONG_NODE,
  /** Alive messages or push/pull states ignored because of a bad protocol version vector. */
  DROPPED_BAD_VSN,
  /** Inputs ignored because the engine was shut down. */
  DROPPED_AFTER_SHUTDOWN,
  /** Accepted streams answered with an error message. */
  STREAM_ERRORS,
  /** Push/pulls this node dialed that failed (dial error, remote error, bad reply, timeout). */
  PUSH_PULL_FAILED,
  /** Dialed streams that produced no outcome within the TCP timeout. */
  STREAM_TIMEOUTS,
  /** Push/pull merges rejected by the protocol version check. */
  PUSH_PULL_REJECTED,
  /** Alive messages that changed our view (memberlist {@code msg.alive}). */
  MSG_ALIVE,
  /** Suspect messages that changed our view (memberlist {@code msg.suspect}). */
  MSG_SUSPECT,
  /** Dead messages that changed our view (memberlist {@code msg.dead}). */
  MSG_DEAD,
  /** Times this node refuted a suspicion, death or stale alive about itself. */
  REFUTES,
  /** Address conflicts reported to the delegate. */
  CONFLICTS,
  /** Probes started. */
  PROBES,
  /** Probes that ended without an ack. */
  PROBE_FAILURES,
  /** Probes run with a health-scaled interval (memberlist {@code degraded.probe}). */
  DEGRADED_PROBE,
  /** Suspicion timeouts reached with fewer than k confirmations (memberlist {@code degraded.timeout}). */
  DEGRADED_TIMEOUT,
  /** Indirect ping requests served for other nodes. */
  INDIRECT_PINGS_SERVED,
  /** Nacks sent for indirect probes that got no ack. */
  NACKS_SENT
}
