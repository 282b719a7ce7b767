/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.IntSupplier;

/**
 * memberlist's {@code TransmitLimitedQueue}: broadcasts waiting to be piggy-backed on packets, each
 * sent at most {@code retransmitMult * ceil(log10(numNodes + 1))} times.
 *
 * <p>Items are ordered by (transmits ascending, message length descending, id descending), so the
 * least-sent messages go first and, among those, the largest that still fit, newest first. {@link
 * #getBroadcasts} walks the transmit tiers from the lowest, taking the largest message that fits the
 * remaining space each time, and requeues what it took one tier higher (or finishes it at the
 * limit). Queueing a named broadcast replaces the queued one with that name. The id counter resets
 * when the queue empties, as in Go.
 *
 * <p>Not thread safe: the membership engine and the ckit layer each confine their queue to the
 * membership loop.
 */
public final class TransmitLimitedQueue {
  /** Transmits ascending, then message length descending, then id descending (no boxing). */
  private static final Comparator<Item> ORDER = (a, b) -> {
    int c = Integer.compare(a.transmits, b.transmits);
    if (c == 0) {
      c = Long.compare(b.msgLen, a.msgLen);
    }
    return c != 0 ? c : Long.compare(b.id, a.id);
  };

  private final IntSupplier numNodes;
  private final int retransmitMult;
  private final TreeSet<Item> items = new TreeSet<>(ORDER);
  private final Map<String, Item> byName = new HashMap<>();
  /** The search key {@link #getBroadcasts} looks up each tier with, reused. */
  private final Item probe = new Item(0, 0, Long.MAX_VALUE, null, null);
  private long idGen;

  /** One queued broadcast with its sort key (transmits, msgLen, id). */
  static final class Item {
    int transmits;
    long msgLen; // only the search probe's ever changes
    final long id;
    final Broadcast broadcast;
    final String name;

    Item(int transmits, long msgLen, long id, Broadcast broadcast, String name) {
      this.transmits = transmits;
      this.msgLen = msgLen;
      this.id = id;
      this.broadcast = broadcast;
      this.name = name;
    }
  }

  /**
   * Creates an empty queue.
   *
   * @param numNodes the cluster size used for the retransmit limit, read at every {@link
   *     #getBroadcasts} call
   * @param retransmitMult the retransmit multiplier (memberlist {@code RetransmitMult}, 4)
   */
  public TransmitLimitedQueue(IntSupplier numNodes, int retransmitMult) {
    this.numNodes = Objects.requireNonNull(numNodes, "numNodes");
    if (retransmitMult < 0) {
      throw new IllegalArgumentException("retransmitMult must be >= 0, got " + retransmitMult);
    }
    this.retransmitMult = retransmitMult;
  }

  /**
   * Queues a broadcast with zero transmits, replacing a queued broadcast of the same name (or, for
   * unnamed non-unique broadcasts, every queued unnamed non-unique broadcast it invalidates).
   */
  public void queueBroadcast(Broadcast broadcast) {
    queueBroadcast(broadcast, 0);
  }

  /** Like {@link #queueBroadcast(Broadcast)} with an initial transmit count (for tests). */
  void queueBroadcast(Broadcast broadcast, int initialTransmits) {
    idGen = idGen == Long.MAX_VALUE ? 1 : idGen + 1;
    String name = broadcast.name();
    Item item = new Item(initialTransmits, broadcast.message().length, idGen, broadcast, name);
    if (name != null && !name.isEmpty()) {
      Item old = byName.get(name);
      if (old != null) {
        old.broadcast.finished();
        deleteItem(old);
      }
    } else if (!broadcast.unique()) {
      List<Item> remove = new ArrayList<>();
      for (Item current : items) {
        if (isPlain(current) && broadcast.invalidates(current.broadcast)) {
          current.broadcast.finished();
          remove.add(current);
        }
      }
      remove.forEach(this::deleteItem);
    }
    addItem(item);
  }

  private static boolean isPlain(Item item) {
    return (item.name == null || item.name.isEmpty()) && !item.broadcast.unique();
  }

  /**
   * Go's {@code deleteItem}: removes the queued item whose key (transmits, length, id) equals this
   * item's, which is not necessarily this item (see {@link #addItem}), and forgets this item's
   * name.
   */
  private void deleteItem(Item item) {
    removeFromTree(item);
    if (item.name != null && !item.name.isEmpty()) {
      byName.remove(item.name);
    }
  }

  /** The tree half of {@link #deleteItem}: the name mapping stays. */
  private void removeFromTree(Item item) {
    items.remove(item);
    if (items.isEmpty()) {
      idGen = 0;
    }
  }

  /**
   * Go's {@code addItem}: the B-tree's {@code ReplaceOrInsert}, so an item whose key equals a queued
   * item's replaces it (the replaced broadcast is neither sent nor finished, and its name still maps
   * to it). Keys can collide because Go resets the id counter whenever the tree becomes empty, even
   * for an instant inside {@link #getBroadcasts} or while replacing a same-named broadcast; this
   * port keeps that behaviour.
   */
  private void addItem(Item item) {
    items.remove(item);
    items.add(item);
    if (item.name != null && !item.name.isEmpty()) {
      byName.put(item.name, item);
    }
  }

  /**
   * Takes broadcasts to send, up to {@code limit} bytes counting {@code overhead} extra bytes per
   * message, and counts one transmission for each.
   *
   * @return the messages, possibly empty; the arrays are the broadcasts' own
   */
  public List<byte[]> getBroadcasts(int overhead, int limit) {
    if (items.isEmpty()) {
      return List.of();
    }
    int transmitLimit = retransmitLimit(retransmitMult, numNodes.getAsInt());
    long bytesUsed = 0;
    List<byte[]> toSend = new ArrayList<>();
    List<Item> reinsert = new ArrayList<>();
    int maxTransmits = items.last().transmits;
    for (int transmits = items.first().transmits; transmits <= maxTransmits; ) {
      long free = limit - bytesUsed - overhead;
      if (free <= 0) {
        break;
      }
      // The first item of this tier whose length is <= free: the largest fitting, newest first.
      probe.transmits = transmits;
      probe.msgLen = free;
      Item keep = items.ceiling(probe);
      if (keep == null || keep.transmits != transmits) {
        transmits++;
        continue;
      }
      byte[] msg = keep.broadcast.message();
      bytesUsed += overhead + msg.length;
      toSend.add(msg);
      if (keep.transmits + 1 >= transmitLimit) {
        deleteItem(keep);
        keep.broadcast.finished();
      } else {
        // Go deletes the item and adds it back below; its name ends up mapped to it either way, so
        // only its tree entry is removed here (sparing a map removal and re-insertion).
        removeFromTree(keep);
        keep.transmits++;
        reinsert.add(keep);
      }
    }
    reinsert.forEach(this::addItem);
    return toSend;
  }

  /** Returns the number of queued broadcasts. */
  public int numQueued() {
    return items.size();
  }

  /** Finishes and removes every queued broadcast. */
  public void reset() {
    for (Item item : items) {
      item.broadcast.finished();
    }
    items.clear();
    byName.clear();
    idGen = 0;
  }

  /** Keeps the {@code maxRetain} first broadcasts in transmit order and finishes the rest. */
  public void prune(int maxRetain) {
    while (items.size() > maxRetain) {
      Item last = items.last();
      last.broadcast.finished();
      deleteItem(last);
    }
  }

  /** Returns the queued items in transmit order, or reversed (for tests). */
  List<Item> orderedView(boolean reverse) {
    List<Item> view = new ArrayList<>(reverse ? items.descendingSet() : items);
    return view;
  }

  /** Returns the id generator's value (for tests). */
  long idGen() {
    return idGen;
  }

  /**
   * memberlist's {@code retransmitLimit}: {@code retransmitMult * ceil(log10(n + 1))}.
   *
   * @param retransmitMult the multiplier
   * @param n the number of nodes
   */
  static int retransmitLimit(int retransmitMult, int n) {
    if (n + 1 <= 0) {
      return 0;
    }
    double nodeScale = Math.ceil(GoMath.log10(n + 1.0));
    return retransmitMult * (int) nodeScale;
  }
}
