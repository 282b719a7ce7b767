/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import io.ckit.internal.swim.SwimCounter;
import io.ckit.internal.swim.SwimCounters;
import io.ckit.peer.Peer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Real ckit nodes over real Jetty on loopback, each on its own address {@code 127.<net>.<i/250>.<i%250+1>}:
 * its own server (one selector, no acceptor thread) and its own HTTP/2 client bound to that address,
 * so that {@link NetworkFaults} can tell senders apart (or one shared client, {@link
 * #shareOneClient}). Servers and clients share one thread pool (each selector holds one of its
 * threads) and one scheduler, so a 50-node cluster fits in one JVM. A member can crash (stop without leaving,
 * its server gone), leave, and restart on the same address with the same name.
 *
 * <p>Default timings are faster than Go ckit's ({@link #FAST}) so that fault scenarios fit in
 * seconds; every bound a test asserts is derived from them. Use from one test thread; {@link
 * #close()} stops everything.
 */
final class LoopbackCluster implements AutoCloseable {
  /** Test timings: 1 s probes, 0.5 s probe timeout, 100 ms gossip, 5 s push/pull. */
  static final UnaryOperator<Config.Builder> FAST =
      b ->
          b.probeInterval(Duration.ofSeconds(1))
              .probeTimeout(Duration.ofMillis(500))
              .gossipInterval(Duration.ofMillis(100))
              .pushPullInterval(Duration.ofSeconds(5))
              .gossipToTheDead(Duration.ofSeconds(10))
              .streamTimeout(Duration.ofSeconds(2))
              .packetTimeout(Duration.ofSeconds(2))
              .leaveTimeout(Duration.ofSeconds(2));

  /** TLS settings, made fresh for each member process. */
  record Tls(Supplier<SslContextFactory.Server> server, Supplier<SslContextFactory.Client> client) {}

  private final int net;
  private final UnaryOperator<Config.Builder> customize;
  private final Tls tls;
  private HttpClient sharedClient;
  private final NetworkFaults faults = new NetworkFaults();
  private final QueuedThreadPool pool = new QueuedThreadPool(512, 4);
  private final ScheduledExecutorScheduler scheduler =
      new ScheduledExecutorScheduler("loopback-cluster-scheduler", true);
  private final List<Member> members = new ArrayList<>();

  /** One process: a name and an address that outlive restarts. */
  final class Member {
    final String name;
    final String ip;
    private int port;
    private Server server;
    private HttpClient client;
    private volatile Node node;
    /** Whether the last stop was a crash (else a leave, or never stopped). */
    boolean crashedLast;

    Member(String name, String ip) {
      this.name = name;
      this.ip = ip;
    }

    /** Starts the process (a new Node on a new server, same address) and joins the seeds. */
    void start(List<Member> seeds) {
      if (node != null) {
        throw new IllegalStateException(name + " is running");
      }
      try {
        if (sharedClient != null) {
          client = sharedClient;
        } else {
          client = tls == null ? Http2.newClient() : Http2.newClient(tls.client().get());
          client.setExecutor(pool);
          client.setScheduler(scheduler);
          client.setBindAddress(new InetSocketAddress(ip, 0));
          client.start();
        }
        server = new Server(pool, scheduler, null);
        ServerConnector connector =
            tls == null
                ? new ServerConnector(server, 0, 1)
                : new ServerConnector(server, 0, 1, tls.server().get());
        connector.setHost(ip);
        connector.setPort(port);
        Http2.enable(connector);
        server.addConnector(connector);
        connector.open();
        port = connector.getLocalPort();
        Node created =
            Node.create(
                client,
                customize.apply(Config.builder(name, address()).enableTls(tls != null)).build());
        server.setHandler(faults.wrap(ip, created.handler().handler()));
        server.start();
        node = created;
      } catch (Exception e) {
        throw new IllegalStateException("cannot start " + name + " on " + ip, e);
      }
      List<String> addresses = new ArrayList<>();
      for (Member seed : seeds) {
        if (seed != this) {
          addresses.add(seed.address());
        }
      }
      node.start(addresses);
    }

    /** Stops without leaving and takes the server down: peers must detect the failure. */
    void crash() {
      Node current = node;
      node = null;
      crashedLast = true;
      current.runtime().stop(false);
      stopJetty();
    }

    /** Leaves gracefully, then takes the server down. */
    void leave() {
      Node current = node;
      node = null;
      crashedLast = false;
      current.stop();
      stopJetty();
    }

    private void stopJetty() {
      try {
        server.stop();
        if (client != sharedClient) {
          client.stop();
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop " + name, e);
      }
    }

    String address() {
      return ip + ":" + port;
    }

    boolean running() {
      return node != null;
    }

    Node node() {
      return node;
    }

    /** Returns a SWIM counter of the running node (0 if not running). */
    long counter(SwimCounter counter) {
      Node current = node;
      SwimCounters counters = current == null ? null : current.runtime().swimCounters();
      return counters == null ? 0 : counters.get(counter);
    }

    @Override
    public String toString() {
      return name + "@" + address() + (running() ? "" : "(down)");
    }
  }

  /**
   * Creates an empty cluster on the loopback network {@code 127.<net>.0.0/16}.
   *
   * @param net the second octet, distinct per test class (1-254)
   * @param customize adjusts every node's configuration after {@link #FAST}
   */
  LoopbackCluster(int net, UnaryOperator<Config.Builder> customize) {
    this(net, customize, null);
  }

  /**
   * Creates an empty cluster whose members serve and dial over TLS (ALPN h2).
   *
   * @param tls the server and client TLS settings of every member, or null for h2c
   */
  LoopbackCluster(int net, UnaryOperator<Config.Builder> customize, Tls tls) {
    this.net = net;
    this.tls = tls;
    this.customize = b -> customize.apply(FAST.apply(b));
    try {
      pool.setName("loopback-cluster");
      // Jetty evicts one idle thread per idle timeout (60 s) by default, so a pool that saw a
      // burst shrinks by one thread a minute and, under steady churn, creeps towards the largest
      // burst it ever saw. Evicting every thread idle for the timeout makes the pool's size follow
      // the last minute's demand, so that a soak can tell a leak from a high-water mark.
      pool.setMaxEvictCount(pool.getMaxThreads());
      pool.start();
      scheduler.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Makes every member started from now on send through one shared HTTP/2 client (fewer threads
   * for large clusters; {@link NetworkFaults} can then no longer tell senders apart).
   */
  void shareOneClient() {
    try {
      sharedClient = Http2.newClient();
      sharedClient.setExecutor(pool);
      sharedClient.setScheduler(scheduler);
      sharedClient.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the shared thread pool (for thread accounting). */
  QueuedThreadPool pool() {
    return pool;
  }

  /** Adds a member (not started). */
  Member add(String name) {
    int i = members.size();
    Member member = new Member(name, "127." + net + "." + (i / 250) + "." + (i % 250 + 1));
    members.add(member);
    return member;
  }

  /** Adds and starts {@code n} members named {@code prefix-i}, each joining the first. */
  List<Member> startAll(String prefix, int n) {
    List<Member> started = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Member m = add(prefix + "-" + i);
      m.start(started.isEmpty() ? List.of() : List.of(started.get(0)));
      started.add(m);
    }
    return started;
  }

  List<Member> members() {
    return members;
  }

  List<Member> running() {
    return members.stream().filter(Member::running).toList();
  }

  NetworkFaults faults() {
    return faults;
  }

  /** Blocks or unblocks the direction {@code from → to}. */
  void block(Member from, Member to, boolean isBlocked) {
    faults.block(from.ip, to.ip, isBlocked);
  }

  /**
   * Returns true if every running member lists exactly the running members as peers, each in the
   * state that member itself reports.
   */
  boolean converged() {
    List<Member> live = running();
    Set<String> names = new HashSet<>();
    for (Member m : live) {
      names.add(m.name);
    }
    for (Member m : live) {
      Node node = m.node();
      if (node == null) {
        return false;
      }
      List<Peer> peers = node.peers();
      if (peers.size() != names.size()) {
        return false;
      }
      for (Peer p : peers) {
        Member other = members.stream().filter(x -> x.name.equals(p.name())).findFirst().orElse(null);
        Node otherNode = other == null ? null : other.node();
        if (otherNode == null || otherNode.currentState() != p.state()) {
          return false;
        }
      }
    }
    return true;
  }

  /** Sums a SWIM counter over the running members. */
  long sum(SwimCounter counter) {
    long total = 0;
    for (Member m : running()) {
      total += m.counter(counter);
    }
    return total;
  }

  /**
   * Polls {@code condition} every 20 ms until it holds or {@code max} passes.
   *
   * @return the elapsed nanoseconds when it held, or -1
   */
  static long await(BooleanSupplier condition, Duration max) {
    long start = System.nanoTime();
    long end = start + max.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return System.nanoTime() - start;
      }
      if (System.nanoTime() - end > 0) {
        return -1;
      }
      LockSupport.parkNanos(20_000_000L);
    }
  }

  /** Lets real time pass while faults act (not a synchronisation: nothing waits on it). */
  static void hold(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    long left;
    while ((left = end - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  @Override
  public void close() {
    for (Member m : members) {
      if (m.running()) {
        try {
          m.crash();
        } catch (RuntimeException e) {
          e.printStackTrace();
        }
      }
    }
    faults.close();
    try {
      if (sharedClient != null) {
        sharedClient.stop();
      }
      scheduler.stop();
      pool.stop();
    } catch (Exception e) {
      e.printStackTrace();
    }
  }
}
