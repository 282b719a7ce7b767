/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.log.NodeLog;
import io.ckit.CkitException;
import io.ckit.Config;
import io.ckit.NodeStoppedException;
import io.ckit.Observer;
import io.ckit.StateTransitionException;
import io.ckit.internal.swim.InboundPacket;
import io.ckit.internal.swim.JoinResult;
import io.ckit.internal.swim.LeaveResult;
import io.ckit.internal.swim.SwimConfig;
import io.ckit.internal.swim.SwimCounters;
import io.ckit.internal.swim.SwimEngine;
import io.ckit.internal.swim.SwimSnapshot;
import io.ckit.internal.transport.GossipTransport;
import io.ckit.internal.transport.TransportConfig;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Sharder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.eclipse.jetty.client.HttpClient;

/**
 * The runtime behind {@link io.ckit.Node}: binds the membership engine and the ckit layer to the
 * gossiphttp transport, one membership thread and one observer thread.
 *
 * <h2>Ownership and threading</h2>
 *
 * <ul>
 *   <li>The membership loop ({@code ckit-<name>-loop}, {@link MembershipLoop}) owns the {@link
 *       SwimEngine}, the {@link CkitLayer} and the pending {@code changeState} futures ({@link
 *       StateChanges}). Nothing
 *       else touches them; every other thread posts tasks.
 *   <li>The observer thread ({@code ckit-<name>-observers}, {@link ObserverNotifier}) calls
 *       observers with the newest peer list.
 *   <li>Jetty's threads run the transport and hand packets and complete stream messages to the
 *       loop ({@link TransportInbox}, {@link HttpNetwork}).
 *   <li>Callers' threads: {@link #start} resolves join addresses (DNS) and waits for the join;
 *       {@link #changeState} validates the transition; {@link #stop} waits for the leave and the
 *       threads' end. They hold {@code lifecycle} (start and stop exclude each other, as Go's
 *       {@code shutdownMut}) and briefly {@code stateLock} (the requested state, the phase, and
 *       observers registered before start), never while calling into the loop synchronously.
 * </ul>
 *
 * <p>Readers ({@link #peers()}, {@link #currentState()}, metrics) see volatile immutable values.
 * The peer list is published on the loop in Go's order: the sharder first (synchronously), then the
 * volatile snapshot, then the observer notifier.
 */
public final class NodeRuntime {
  private static final SecureRandom SEEDS = new SecureRandom();
  private static final long LOOP_EXIT_WAIT_SECONDS = 10;

  private enum Phase {
    NEW,
    RUNNING,
    STOPPED
  }

  private final Config config;
  private final SwimConfig swimConfig;
  private final LongSupplier clock;
  private final NodeLog log;
  private final LamportClock lamport = new LamportClock();
  private final GossipTransport transport;
  private final NodeMetrics metrics;
  private final CkitLayer ckit;
  private final PacketInbox packets;
  private final MembershipLoop loop;
  private final TransportInbox inbox;
  private final HttpNetwork network;
  private final ReentrantLock lifecycle = new ReentrantLock();
  private final Object stateLock = new Object();
  private final List<Observer> earlyObservers = new ArrayList<>(); // guarded by stateLock
  private volatile ObserverNotifier notifier; // set once, under stateLock, before the loop starts
  private volatile Phase phase = Phase.NEW; // written under stateLock
  private volatile State state = State.VIEWER; // written under stateLock
  private volatile List<Peer> peers;
  private volatile SwimEngine published;

  private final StateChanges changes; // confined to the membership loop

  // Confined to the membership loop.
  private SwimEngine engine;

  /**
   * Creates a node runtime; no thread starts until {@link #start}.
   *
   * @param client the HTTP/2 client peers are reached with
   * @param config the node's configuration
   * @param advertiseIp the resolved advertise IP (4 or 16 bytes)
   * @param advertisePort the advertise port
   * @param transportSettings adjusts the transport configuration (tests: in-memory routes)
   */
  public NodeRuntime(
      HttpClient client,
      Config config,
      byte[] advertiseIp,
      int advertisePort,
      Consumer<TransportConfig.Builder> transportSettings) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = System::nanoTime;
    this.log = NodeLog.node(config.name(), clock);
    this.swimConfig = NodeSettings.swim(config, advertiseIp, advertisePort);
    TransportConfig.Builder transportConfig = NodeSettings.transport(config, clock).nodeName(config.name());
    transportSettings.accept(transportConfig);
    String name = config.name();
    this.peers =
        List.of(new Peer(name, JoinAddresses.hostPort(advertiseIp, advertisePort), true, state));
    this.packets = new PacketInbox(config.packetQueueCapacity(), this::packetDropped);
    this.loop = new MembershipLoop("ckit-" + name + "-loop", new Driver(), packets, clock, log);
    this.inbox =
        new TransportInbox(
            packets,
            loop,
            () -> engine,
            config.label(),
            config.maxMessageBytes(),
            config.streamTimeout().toNanos(),
            clock,
            log);
    this.transport = new GossipTransport(transportConfig.build(), client, inbox);
    this.network = new HttpNetwork(transport, loop, () -> engine, config.maxMessageBytes());
    this.metrics = new NodeMetrics(config.label(), lamport::now, this::snapshot, transport.metrics());
    this.ckit = new CkitLayer(name, config.retransmitMult(), lamport, metrics, this::peersChanged, log);
    this.changes = new StateChanges(ckit);
  }

  /** Returns the configuration. */
  public Config config() {
    return config;
  }

  /** Returns the transport. */
  public GossipTransport transport() {
    return transport;
  }

  /** Returns the metrics. */
  public NodeMetrics metrics() {
    return metrics;
  }

  /** Returns the latest peer list: sorted, unmodifiable, never null. */
  public List<Peer> peers() {
    return peers;
  }

  /** Returns the local state as last requested. */
  public State currentState() {
    return state;
  }

  /** Returns the engine's latest snapshot, or null before the node runs. */
  public SwimSnapshot snapshot() {
    SwimEngine running = published;
    return running == null ? null : running.snapshot();
  }

  /**
   * Returns the engine's counters (drops by reason, refutations, conflicts, probes...), or null
   * before the node runs; thread-safe. Not exported as metrics: Go ckit does not export
   * memberlist's either. For tests and debugging.
   */
  public SwimCounters swimCounters() {
    SwimEngine running = published;
    return running == null ? null : running.counters();
  }

  /**
   * Starts the node on the first call, then joins the given addresses and waits for the attempts.
   *
   * @throws NodeStoppedException if the node was stopped
   * @throws CkitException if addresses were given and none could be joined (Go's text)
   * @throws IllegalStateException if the HTTP client is not started, or TLS lacks ALPN support
   */
  public void start(List<String> addresses) {
    Objects.requireNonNull(addresses, "addresses");
    requireNotLoop("start");
    List<JoinAddresses.Entry> entries = JoinAddresses.resolve(addresses); // DNS, on this thread
    lifecycle.lock();
    try {
      if (phase == Phase.STOPPED) {
        throw new NodeStoppedException();
      }
      if (phase == Phase.NEW) {
        startThreads();
      }
      List<String> dial = JoinAddresses.dialable(entries);
      JoinResult result = dial.isEmpty() ? null : await(join(dial), "joining");
      String error = JoinAddresses.errorText(entries, result);
      if (error != null) {
        throw new CkitException("failed to join memberlist: " + error);
      }
    } finally {
      lifecycle.unlock();
    }
  }

  private void startThreads() {
    transport.start();
    synchronized (stateLock) {
      ObserverNotifier started =
          new ObserverNotifier(
              "ckit-" + config.name() + "-observers", metrics.notifierListener(), clock, log);
      earlyObservers.forEach(started::register);
      earlyObservers.clear();
      notifier = started;
      phase = Phase.RUNNING;
    }
    loop.start();
  }

  private CompletableFuture<JoinResult> join(List<String> addresses) {
    CompletableFuture<JoinResult> done = new CompletableFuture<>();
    loop.post(
        new MembershipLoop.Task() {
          @Override
          public void run(long nowNanos) {
            engine.join(addresses, nowNanos, done::complete);
          }

          @Override
          public void abandon(NodeStoppedException cause) {
            done.completeExceptionally(cause);
          }
        });
    return done;
  }

  /**
   * Validates and applies a state change, then gossips it on the loop.
   *
   * @return completed when the broadcast finished, or at once if there are no other peers
   * @throws StateTransitionException if the transition is not valid
   * @throws NodeStoppedException if the node was stopped
   */
  public CompletableFuture<Void> changeState(State to) {
    return changeState(to, true);
  }

  /**
   * Like {@link #changeState(State)}, optionally without the transition check (Go's {@code
   * waitChangeState}, used by tests that provoke state collisions).
   */
  public CompletableFuture<Void> changeState(State to, boolean validate) {
    Objects.requireNonNull(to, "to");
    CompletableFuture<Void> done = new CompletableFuture<>();
    boolean running;
    synchronized (stateLock) {
      if (phase == Phase.STOPPED) {
        throw new NodeStoppedException();
      }
      State from = state;
      if (validate && !validTransition(from, to)) {
        throw new StateTransitionException(from, to);
      }
      state = to;
      metrics.nodeState(to);
      running = phase == Phase.RUNNING;
      // Posted under the lock, so concurrent changes reach the loop in validation order.
      loop.post(changes.task(to, running ? done : null));
    }
    if (!running) {
      done.complete(null); // no peers before start (Go: the wait ends at once)
    }
    return done;
  }

  private static boolean validTransition(State from, State to) {
    return from == State.VIEWER && to == State.PARTICIPANT
        || from == State.PARTICIPANT && to == State.TERMINATING;
  }

  /**
   * Registers an observer.
   *
   * @throws NodeStoppedException if the node was stopped
   */
  public void observe(Observer observer) {
    Objects.requireNonNull(observer, "observer");
    synchronized (stateLock) {
      if (phase == Phase.STOPPED) {
        throw new NodeStoppedException();
      }
      if (notifier == null) {
        earlyObservers.add(observer);
        metrics.observers(earlyObservers.size());
      } else {
        notifier.register(observer);
      }
    }
  }

  /** Leaves gracefully, then stops; a no-op if already stopped. */
  public void stop() {
    stop(true);
  }

  /**
   * Stops the node: optionally gossips the leave first (waiting at most the leave timeout), then
   * shuts the engine down, ends the loop, stops the transport and the observer thread. Without
   * {@code leave} it is a crash as peers see it (tests).
   */
  public void stop(boolean leave) {
    requireNotLoop("stop");
    lifecycle.lock();
    try {
      Phase was;
      synchronized (stateLock) {
        was = phase;
        if (was == Phase.STOPPED) {
          return;
        }
        phase = Phase.STOPPED;
      }
      if (was == Phase.NEW) {
        transport.stop();
        loop.closeUnstarted();
        return;
      }
      if (leave) {
        leave();
      }
      loop.post(now -> loop.requestExit());
      if (!loop.awaitExit(LOOP_EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.error("membership loop of {} did not end within {} s", config.name(),
            LOOP_EXIT_WAIT_SECONDS);
      }
      transport.stop();
      packets.close();
      notifier.close();
    } finally {
      lifecycle.unlock();
    }
  }

  private void leave() {
    Duration timeout = config.leaveTimeout();
    CompletableFuture<LeaveResult> left = new CompletableFuture<>();
    loop.post(
        new MembershipLoop.Task() {
          @Override
          public void run(long nowNanos) {
            engine.leave(timeout, nowNanos, left::complete);
          }

          @Override
          public void abandon(NodeStoppedException cause) {
            left.completeExceptionally(cause);
          }
        });
    if (timeout.isZero()) {
      return; // no wait
    }
    try {
      // The engine enforces the timeout; the extra second covers a busy loop.
      LeaveResult result = left.get(timeout.toNanos() + TimeUnit.SECONDS.toNanos(1),
          TimeUnit.NANOSECONDS);
      if (!result.succeeded()) {
        log.error("failed to broadcast leave message to cluster: {}", result.error());
      }
    } catch (TimeoutException | ExecutionException e) {
      log.error("failed to broadcast leave message to cluster: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.error("interrupted while leaving the cluster");
    }
  }

  private static <T> T await(CompletableFuture<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CkitException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CkitException ckitException) {
        throw ckitException;
      }
      throw new CkitException(what + " failed", e.getCause());
    }
  }

  private void requireNotLoop(String method) {
    if (loop.inLoop()) {
      throw new IllegalStateException(
          method + "() must not be called on the membership thread (for example from a"
              + " non-async dependent of a changeState future)");
    }
  }

  /** Publishes a new peer list, in Go's order (loop). */
  private void peersChanged(List<Peer> list) {
    Sharder sharder = config.sharder();
    if (sharder != null) {
      try {
        sharder.setPeers(list);
      } catch (RuntimeException e) {
        log.error(e, "sharder failed to take the new peers");
      }
    }
    peers = list;
    notifier.publish(list);
  }

  private void packetDropped() {
    metrics.rxPacketDropped();
  }

  /** Returns diagnostics of the runtime's queues and threads, for tests. */
  public Diagnostics diagnostics() {
    return new Diagnostics(
        loop.thread(), packets.size(), loop.queuedTasks(), inbox.openStreams(),
        inbox.rejectedStreams());
  }

  /**
   * A point-in-time view of the runtime's queues, for tests and debugging.
   *
   * @param loopThread the membership thread
   * @param queuedPackets received packets waiting for the loop
   * @param queuedTasks tasks waiting for the loop
   * @param openAcceptedStreams accepted streams not yet answered
   * @param rejectedStreams streams closed at once because too many were open
   */
  public record Diagnostics(
      Thread loopThread,
      int queuedPackets,
      int queuedTasks,
      int openAcceptedStreams,
      long rejectedStreams) {}

  /** The loop's side of the runtime; every method runs on the membership thread. */
  private final class Driver implements MembershipLoop.Driver {
    @Override
    public void started(long nowNanos) {
      engine =
          SwimEngine.start(
              swimConfig, network, ckit, new SplittableRandom(SEEDS.nextLong()), nowNanos);
      published = engine;
    }

    @Override
    public void packets(List<InboundPacket> batch, long nowNanos) {
      engine.onPackets(batch, nowNanos);
    }

    @Override
    public long poll(long nowNanos) {
      long next = engine.poll(nowNanos);
      return Math.min(next, inbox.sweep(nowNanos));
    }

    @Override
    public void stopped(long nowNanos) {
      if (engine != null) {
        engine.shutdown(nowNanos);
      }
      changes.failAll(new NodeStoppedException());
      ckit.shutdown();
      inbox.abortPending();
    }
  }
}
