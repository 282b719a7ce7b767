/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.swim.SwimSnapshot;
import io.ckit.internal.transport.TransportMetrics;
import io.ckit.peer.State;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A node's metrics: Go ckit's {@code metrics.go} and its memberlist collector (same names, help
 * texts, label names and the constant label {@code cluster_name} = the cluster label), the lamport
 * time gauge, and the transport's {@code cluster_transport_*} meters, as one Micrometer {@link
 * MeterBinder}.
 *
 * <p>Writers: the membership loop (events, broadcasts, peer counts, state) and the observer
 * notifier thread (updating, duration, observer count). Values live in adders and atomics owned by
 * this object, so they count from the node's creation whether or not a registry is bound; each
 * {@link #bindTo} registers function meters over them. Thread-safe; recording never blocks.
 *
 * <p>{@code cluster_node_info}: on a Prometheus registry (micrometer-registry-prometheus, an
 * optional dependency; also inside a composite registry) it is a Prometheus info metric, which
 * prints exactly as Go's gauge; Prometheus client 1.x would print a gauge of that name as {@code
 * cluster_node}. On other registries it is a {@link MultiGauge} whose one row is replaced when the
 * state changes.
 *
 * <p>Differences from Go: every {@code event} label value is registered up front (Go creates each
 * series on first use); {@code cluster_node_info} starts at {@code state="viewer"} (Go reports an
 * empty state until the first change); the update histogram is a Micrometer timer, which also
 * prints a {@code _max} gauge; {@code cluster_transport_rx_packets_dropped_total} (incoming packets
 * dropped by the full receive queue) is not in Go.
 */
public final class NodeMetrics implements MeterBinder {
  /** The {@code event} label values of {@code cluster_node_gossip_received_events_total}. */
  public enum Event {
    /** A State message was received. */
    STATE_CHANGE("state_change_message"),
    /** A message of an unknown type was received (declared by Go, never counted there). */
    UNKNOWN_MESSAGE("unknown_message"),
    /** The push/pull user state was requested. */
    GET_LOCAL_STATE("get_local_state"),
    /** A remote push/pull user state was merged. */
    MERGE_REMOTE_STATE("merge_remote_state"),
    /** A node joined. */
    NODE_JOIN("node_join"),
    /** A node left or died. */
    NODE_LEAVE("node_leave"),
    /** A node was updated. */
    NODE_UPDATE("node_update"),
    /** A node name conflict was seen. */
    NODE_CONFLICT("node_conflict");

    private final String label;

    Event(String label) {
      this.label = label;
    }

    /** Returns the label value, as in Go. */
    public String label() {
      return label;
    }
  }

  /** Go's {@code prometheus.DefBuckets}, in seconds. */
  static final double[] DEFAULT_BUCKETS = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

  private static final String CLUSTER_NAME = "cluster_name";
  private static final String INFO_HELP =
      "Info about the local node. Label values will change as the node changes state.";
  private static final boolean PROMETHEUS_PRESENT =
      present("io.micrometer.prometheusmetrics.PrometheusMeterRegistry");

  private final String clusterName;
  private final Map<Event, LongAdder> events = new EnumMap<>(Event.class);
  private final LongAdder stateBroadcasts = new LongAdder();
  private final AtomicLongArray peersByState = new AtomicLongArray(State.values().length);
  private final AtomicLong updating = new AtomicLong();
  private final AtomicLong observers = new AtomicLong();
  private final LongAdder rxPacketsDropped = new LongAdder();
  private final List<Timer> updateTimers = new CopyOnWriteArrayList<>();
  private final List<MultiGauge> infoGauges = new CopyOnWriteArrayList<>();
  private final Object infoLock = new Object();
  private final LongSupplier lamportTime;
  private final Supplier<SwimSnapshot> snapshot;
  private final TransportMetrics transport;
  private State state = State.VIEWER; // guarded by infoLock

  /**
   * Creates the metrics of one node.
   *
   * @param clusterName the value of the {@code cluster_name} label (the cluster label, may be "")
   * @param lamportTime reads the node's lamport time
   * @param snapshot reads the engine's latest snapshot, or returns null before the node runs
   * @param transport the transport's meters, bound along with the node's; or null for none
   */
  public NodeMetrics(
      String clusterName,
      LongSupplier lamportTime,
      Supplier<SwimSnapshot> snapshot,
      TransportMetrics transport) {
    this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
    this.lamportTime = Objects.requireNonNull(lamportTime, "lamportTime");
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.transport = transport;
    for (Event event : Event.values()) {
      events.put(event, new LongAdder());
    }
  }

  /** Counts a received gossip event. */
  public void event(Event event) {
    events.get(event).increment();
  }

  /** Counts a State message re-broadcast ({@code cluster_node_gossip_broadcasts_total}). */
  public void stateBroadcast() {
    stateBroadcasts.increment();
  }

  /**
   * Sets the peer counts by state.
   *
   * @param counts one count per {@link State}, indexed by ordinal
   */
  public void peers(int[] counts) {
    for (int i = 0; i < counts.length; i++) {
      peersByState.set(i, counts[i]);
    }
  }

  /** Counts an incoming packet dropped because the receive queue was full. */
  public void rxPacketDropped() {
    rxPacketsDropped.increment();
  }

  /** Sets the local node's state in {@code cluster_node_info}. */
  public void nodeState(State newState) {
    synchronized (infoLock) {
      state = newState;
      for (MultiGauge gauge : infoGauges) {
        gauge.register(infoRows(newState), true);
      }
    }
  }

  /** Returns how many events of a kind were counted so far. */
  public long events(Event event) {
    return events.get(event).sum();
  }

  /** Returns how many State messages were re-broadcast so far. */
  public long stateBroadcasts() {
    return stateBroadcasts.sum();
  }

  /** Returns how many incoming packets were dropped so far. */
  public long rxPacketsDropped() {
    return rxPacketsDropped.sum();
  }

  /** Returns the listener that records the observer notifier's rounds. */
  public ObserverNotifier.Listener notifierListener() {
    return new ObserverNotifier.Listener() {
      @Override
      public void updating(boolean isUpdating) {
        updating.set(isUpdating ? 1 : 0);
      }

      @Override
      public void updated(long nanos) {
        for (Timer timer : updateTimers) {
          timer.record(nanos, TimeUnit.NANOSECONDS);
        }
      }

      @Override
      public void observers(int count) {
        observers.set(count);
      }
    };
  }

  /** Sets the observer count ({@code cluster_node_update_observers}) before the notifier runs. */
  public void observers(int count) {
    observers.set(count);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Tags tags = Tags.of(CLUSTER_NAME, clusterName);
    for (Map.Entry<Event, LongAdder> entry : events.entrySet()) {
      FunctionCounter.builder(
              "cluster_node_gossip_received_events_total", entry.getValue(), LongAdder::sum)
          .description("Total number of gossip messages handled by the node.")
          .tags(tags)
          .tag("event", entry.getKey().label())
          .register(registry);
    }
    FunctionCounter.builder("cluster_node_gossip_broadcasts_total", stateBroadcasts, LongAdder::sum)
        .description("Total number of gossip messages broadcasted by the node.")
        .tags(tags)
        .tag("event", Event.STATE_CHANGE.label())
        .register(registry);
    for (State s : State.values()) {
      int index = s.ordinal();
      Gauge.builder("cluster_node_peers", peersByState, a -> a.get(index))
          .description("Current number of healthy peers by state")
          .tags(tags)
          .tag("state", s.toString())
          .register(registry);
    }
    Gauge.builder("cluster_node_updating", updating, AtomicLong::get)
        .description("1 if the node is currently processing a change to the cluster state.")
        .tags(tags)
        .register(registry);
    updateTimers.add(
        Timer.builder("cluster_node_update_duration_seconds")
            .description(
                "Histogram of the latency it took to process a change to the cluster state.")
            .tags(tags)
            .serviceLevelObjectives(buckets())
            .register(registry));
    Gauge.builder("cluster_node_update_observers", observers, AtomicLong::get)
        .description("Number of internal observers waiting for changes to cluster state.")
        .tags(tags)
        .register(registry);
    bindInfo(registry);
    bindEngine(registry, tags);
    FunctionCounter.builder(
            "cluster_transport_rx_packets_dropped_total", rxPacketsDropped, LongAdder::sum)
        .description(
            "Total number of incoming packets dropped because the receive queue was full")
        .register(registry);
    if (transport != null) {
      transport.bindTo(registry);
    }
  }

  private void bindInfo(MeterRegistry registry) {
    if (registry instanceof CompositeMeterRegistry composite) {
      for (MeterRegistry child : composite.getRegistries()) {
        bindInfo(child);
      }
      return;
    }
    if (PROMETHEUS_PRESENT
        && PrometheusInfo.bind(registry, INFO_HELP, () -> stateLabel().toString())) {
      return;
    }
    // Go's InfoCollector drops its const labels: no cluster_name here.
    MultiGauge info = MultiGauge.builder("cluster_node_info").description(INFO_HELP)
        .register(registry);
    synchronized (infoLock) {
      info.register(infoRows(state), true);
      infoGauges.add(info);
    }
  }

  private void bindEngine(MeterRegistry registry, Tags tags) {
    // Go registers this gauge without the cluster_name const label.
    Gauge.builder("cluster_node_lamport_time", lamportTime, LongSupplier::getAsLong)
        .description("The current lamport time of the node.")
        .strongReference(true)
        .register(registry);
    Gauge.builder("cluster_node_gossip_proto_version", this, m -> m.fromSnapshot(Field.PROTO))
        .description("Gossip protocol version used by nodes to maintain the cluster")
        .tags(tags)
        .register(registry);
    Gauge.builder("cluster_node_gossip_health_score", this, m -> m.fromSnapshot(Field.HEALTH))
        .description("Health value of a node; lower values means healthier. 0 is the minimum.")
        .tags(tags)
        .register(registry);
    Gauge.builder("cluster_node_gossip_alive_peers", this, m -> m.fromSnapshot(Field.ALIVE))
        .description("How many alive gossip peers a node has, including the local node.")
        .tags(tags)
        .register(registry);
  }

  private State stateLabel() {
    synchronized (infoLock) {
      return state;
    }
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, NodeMetrics.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private enum Field {
    PROTO,
    HEALTH,
    ALIVE
  }

  private double fromSnapshot(Field field) {
    SwimSnapshot s = snapshot.get();
    if (s == null) {
      return field == Field.PROTO ? 2 : 0;
    }
    return switch (field) {
      case PROTO -> s.protocolVersion();
      case HEALTH -> s.healthScore();
      case ALIVE -> s.numMembers();
    };
  }

  private static List<MultiGauge.Row<?>> infoRows(State s) {
    return List.of(MultiGauge.Row.of(Tags.of("state", s.toString()), 1));
  }

  private static Duration[] buckets() {
    Duration[] buckets = new Duration[DEFAULT_BUCKETS.length];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = Duration.ofNanos(Math.round(DEFAULT_BUCKETS[i] * 1e9));
    }
    return buckets;
  }
}
