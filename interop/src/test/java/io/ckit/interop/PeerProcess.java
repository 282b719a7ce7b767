/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A ckit node in a child process, driven over stdin/stdout with the protocol of {@code ckit-oracle
 * peer} ({@code interop/go/peer.go}): a real Go node ({@link GoPeer}) or a Java node in its own JVM
 * ({@link JvmPeer}, serving the same protocol). Events and command replies are JSON lines; a pump
 * thread (one per process, test-only) sorts them into two queues.
 *
 * <p>Use from one test thread. {@link #close()} asks the peer to exit and kills it if it does not;
 * {@link #kill()} sends SIGKILL at once.
 */
class PeerProcess implements Member {
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<Map<String, Object>> replies = new LinkedBlockingQueue<>();
  private final String name;
  private final String address;

  PeerProcess(Process process, String name, Duration startTimeout) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.name = name;
    Thread pump = new Thread(this::pump, "peer-process-" + name);
    pump.setDaemon(true);
    pump.start();
    Map<String, Object> listening;
    try {
      listening = awaitEvent(e -> "listening".equals(e.get("event")), startTimeout);
    } catch (AssertionError e) {
      process.destroyForcibly();
      throw e;
    }
    this.address = (String) listening.get("addr");
  }

  @Override
  public String name() {
    return name;
  }

  /** Returns the {@code 127.0.0.1:port} the peer serves and advertises. */
  @Override
  public String address() {
    return address;
  }

  /** Returns the port the peer serves on. */
  int port() {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  /**
   * Sends one command line and returns its reply.
   *
   * @throws AssertionError if the peer does not answer in time or answers {@code "ok": false}
   */
  Map<String, Object> command(String line) {
    Map<String, Object> reply = commandAllowingError(line);
    if (!Boolean.TRUE.equals(reply.get("ok"))) {
      throw new AssertionError("peer " + name + " rejected '" + line + "': " + reply.get("error"));
    }
    return reply;
  }

  /** Sends one command line and returns its reply, whether ok or not. */
  Map<String, Object> commandAllowingError(String line) {
    try {
      stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      Map<String, Object> reply = replies.poll(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (reply == null) {
        throw new AssertionError("peer " + name + " did not answer '" + line + "'");
      }
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to peer " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Returns the peers the node currently knows (ckit's {@code Node.Peers}). */
  @Override
  public List<Peer> peers() {
    return toPeers(command("peers").get("peers"));
  }

  @Override
  public void joinOnce(List<String> addresses) {
    command("join " + String.join(",", addresses));
  }

  @Override
  public void changeState(State to) {
    command("state " + to);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<List<String>> owners(String sharder, int count, Op op, List<String> keys) {
    String opWord = op == Op.READ ? "read" : "readwrite";
    Object owners =
        command("owners " + sharder + " " + count + " " + opWord + " " + String.join(",", keys))
            .get("owners");
    List<List<String>> out = new ArrayList<>();
    for (Object o : (List<Object>) owners) {
      out.add(((List<Object>) o).stream().map(String.class::cast).toList());
    }
    return out;
  }

  @Override
  public void leave() {
    command("stop");
  }

  /** Kills the process with SIGKILL (no leave, no shutdown) and waits for it to die. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("peer " + name + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Waits for an event matching {@code filter}, skipping others; fails after {@code timeout}. */
  Map<String, Object> awaitEvent(Predicate<Map<String, Object>> filter, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Map<String, Object>> skipped = new ArrayList<>();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Map<String, Object> event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
        if (event == null) {
          throw new AssertionError(
              "peer " + name + ": no matching event within " + timeout + "; skipped " + skipped);
        }
        if (filter.test(event)) {
          return event;
        }
        skipped.add(event);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Forgets every event received so far (call before an action whose events you await). */
  void clearEvents() {
    events.clear();
  }

  /**
   * Waits until the node's peer list satisfies {@code check}: now, or in a later peers event.
   *
   * @throws AssertionError if it does not within {@code timeout}
   */
  List<Peer> awaitPeers(Predicate<List<Peer>> check, Duration timeout) {
    List<Peer> now = peers();
    if (check.test(now)) {
      return now;
    }
    Map<String, Object> event =
        awaitEvent(
            e -> "peers".equals(e.get("event")) && check.test(toPeers(e.get("peers"))), timeout);
    return toPeers(event.get("peers"));
  }

  /** Converts a JSON list of Go {@code peer.Peer} objects. */
  @SuppressWarnings("unchecked")
  static List<Peer> toPeers(Object json) {
    List<Peer> peers = new ArrayList<>();
    for (Object o : (List<Object>) json) {
      Map<String, Object> p = (Map<String, Object>) o;
      peers.add(
          new Peer(
              (String) p.get("name"),
              (String) p.get("addr"),
              Boolean.TRUE.equals(p.get("isSelf")),
              State.parse((String) p.get("state"))));
    }
    return peers;
  }

  private void pump() {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (Boolean.getBoolean("ckit.interop.echoGo")) {
          System.err.println("[" + name + "] " + line);
        }
        Map<String, Object> json = Json.object(line);
        (json.containsKey("reply") ? replies : events).add(json);
      }
    } catch (IOException | IllegalArgumentException e) {
      events.add(Map.of("event", "pump-failed", "error", String.valueOf(e)));
    }
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        try {
          stdin.write("exit\n".getBytes(StandardCharsets.UTF_8));
          stdin.close();
        } catch (IOException ignored) {
          // The process is going away already.
        }
      }
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + "@" + address;
  }
}
