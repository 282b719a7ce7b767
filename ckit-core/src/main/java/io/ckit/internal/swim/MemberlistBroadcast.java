/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

/**
 * A memberlist message queued for gossip (memberlist's {@code memberlistBroadcast}): named after the
 * node it is about, so a newer message about that node replaces it.
 */
final class MemberlistBroadcast implements Broadcast {
  private final String node;
  private final byte[] message;
  private final Runnable onFinished;

  MemberlistBroadcast(String node, byte[] message, Runnable onFinished) {
    this.node = node;
    this.message = message;
    this.onFinished = onFinished;
  }

  @Override
  public byte[] message() {
    return message;
  }

  @Override
  public String name() {
    return node;
  }

  @Override
  public boolean invalidates(Broadcast other) {
    return other instanceof MemberlistBroadcast mb && node.equals(mb.node);
  }

  @Override
  public void finished() {
    if (onFinished != null) {
      onFinished.run();
    }
  }
}
