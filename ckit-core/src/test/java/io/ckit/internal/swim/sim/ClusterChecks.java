/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim.sim;

import io.ckit.internal.swim.Member;
import io.ckit.internal.swim.SwimCounter;
import io.ckit.internal.swim.SwimEngine;
import io.ckit.internal.wire.NodeStateType;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** Convergence predicates over the running nodes of a simulation, evaluated on the sim thread. */
public final class ClusterChecks {
  private ClusterChecks() {}

  /**
   * Returns true if every running node in {@code view} sees exactly the nodes of {@code expected}
   * as live (alive or suspect), and each of them as alive.
   */
  public static boolean converged(Collection<SimNode> view, Collection<SimNode> expected) {
    for (SimNode node : view) {
      SwimEngine engine = node.engine();
      if (engine == null) {
        continue;
      }
      if (engine.numMembers() != expected.size()) {
        return false;
      }
      for (SimNode other : expected) {
        if (engine.memberState(other.name()) != NodeStateType.ALIVE) {
          return false;
        }
      }
    }
    return true;
  }

  /** Returns true if every running node in {@code view} sees {@code target} in {@code state}. */
  public static boolean allSee(Collection<SimNode> view, SimNode target, NodeStateType state) {
    for (SimNode node : view) {
      SwimEngine engine = node.engine();
      if (engine == null || node == target) {
        continue;
      }
      if (engine.memberState(target.name()) != state) {
        return false;
      }
    }
    return true;
  }

  /** Returns how many running nodes in {@code view} see {@code target} in {@code state}. */
  public static int countSeeing(Collection<SimNode> view, SimNode target, NodeStateType state) {
    int count = 0;
    for (SimNode node : view) {
      SwimEngine engine = node.engine();
      if (engine != null && node != target && engine.memberState(target.name()) == state) {
        count++;
      }
    }
    return count;
  }

  /** Returns the member as {@code observer} sees it, or null. */
  public static Member memberAt(SimNode observer, SimNode target) {
    return observer.engine() == null ? null : observer.engine().member(target.name());
  }

  /** Returns a counter summed over the current engines of {@code nodes}. */
  public static long sum(Collection<SimNode> nodes, SwimCounter counter) {
    long total = 0;
    for (SimNode node : nodes) {
      if (node.engine() != null) {
        total += node.engine().counters().get(counter);
      }
    }
    return total;
  }

  /**
   * Returns the names of the nodes that some current engine of {@code nodes} saw leave or die at
   * least once (a false death if the node was in fact alive).
   */
  public static Set<String> departed(Collection<SimNode> nodes) {
    Set<String> names = new TreeSet<>();
    for (SimNode node : nodes) {
      if (node.delegate() != null) {
        names.addAll(node.delegate().departed());
      }
    }
    return names;
  }
}
