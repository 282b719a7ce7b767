/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The known nodes: a list in probe order and a map by name (memberlist's {@code nodes} and {@code
 * nodeMap}), with the list helpers of memberlist's {@code util.go}.
 *
 * <p>Invariants: the list and the map hold the same nodes; names are unique; {@link #size()} (Go's
 * {@code numNodes}, the "n" of every formula) counts every entry including the local node and dead
 * or left nodes not yet reaped. New nodes are inserted at a random position so that failure
 * detection time stays low on average.
 *
 * <p>Confined to the membership loop.
 */
final class NodeTable {
  private final List<NodeState> nodes = new ArrayList<>();
  private final Map<String, NodeState> byName = new HashMap<>();
  private final RandomGenerator random;

  NodeTable(RandomGenerator random) {
    this.random = random;
  }

  /** Returns the node with this name, or null. */
  NodeState get(String name) {
    return byName.get(name);
  }

  /** Returns the number of nodes, self and unreaped dead or left nodes included. */
  int size() {
    return nodes.size();
  }

  /** Returns the node at a position of the probe list. */
  NodeState at(int index) {
    return nodes.get(index);
  }

  /** Returns the probe list, unmodifiable (valid until the next mutation). */
  List<NodeState> list() {
    return Collections.unmodifiableList(nodes);
  }

  /** Adds a new node: appended, then swapped with the node at a random offset. */
  void add(NodeState node) {
    byName.put(node.name, node);
    int n = nodes.size();
    int offset = randomOffset(n);
    nodes.add(node);
    Collections.swap(nodes, offset, n);
  }

  /**
   * Reaps dead and left nodes whose state changed more than {@code gossipToTheDeadNanos} ago, then
   * shuffles the list (memberlist's {@code resetNodes}).
   *
   * @return the reaped nodes
   */
  List<NodeState> reapAndShuffle(long nowNanos, long gossipToTheDeadNanos) {
    int deadIdx = moveDeadNodes(nodes, nowNanos, gossipToTheDeadNanos);
    List<NodeState> reaped = new ArrayList<>(nodes.subList(deadIdx, nodes.size()));
    for (NodeState node : reaped) {
      byName.remove(node.name);
    }
    nodes.subList(deadIdx, nodes.size()).clear();
    shuffle(nodes);
    return reaped;
  }

  /**
   * Moves dead and left nodes that changed state more than {@code gossipToTheDeadNanos} ago to the
   * end of the list and returns the index of the first moved node (memberlist's {@code
   * moveDeadNodes}, same order of swaps).
   */
  static int moveDeadNodes(List<NodeState> nodes, long nowNanos, long gossipToTheDeadNanos) {
    int numDead = 0;
    int n = nodes.size();
    for (int i = 0; i < n - numDead; i++) {
      NodeState node = nodes.get(i);
      if (!node.deadOrLeft()) {
        continue;
      }
      if (nowNanos - node.stateChangeNanos <= gossipToTheDeadNanos) {
        continue;
      }
      Collections.swap(nodes, i, n - numDead - 1);
      numDead++;
      i--;
    }
    return n - numDead;
  }

  /** Fisher-Yates shuffle, as Go's {@code rand.Shuffle}. */
  void shuffle(List<NodeState> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, random.nextInt(i + 1));
    }
  }

  /** Returns a random offset in {@code [0, n)}, or 0 if {@code n == 0}. */
  int randomOffset(int n) {
    return n == 0 ? 0 : random.nextInt(n);
  }

  private static boolean containsSame(List<NodeState> picked, NodeState node) {
    for (int i = 0; i < picked.size(); i++) {
      if (picked.get(i) == node) {
        return true;
      }
    }
    return false;
  }

  /**
   * Selects up to {@code k} distinct random nodes not matching {@code exclude}, by up to {@code 3n}
   * random draws (memberlist's {@code kRandomNodes}); fewer than {@code k} may be returned.
   */
  List<NodeState> kRandomNodes(int k, Predicate<NodeState> exclude) {
    int n = nodes.size();
    List<NodeState> picked = new ArrayList<>(k);
    for (int i = 0; i < 3 * n && picked.size() < k; i++) {
      NodeState node = nodes.get(randomOffset(n));
      if (exclude.test(node) || containsSame(picked, node)) {
        continue;
      }
      picked.add(node);
    }
    return picked;
  }
}
