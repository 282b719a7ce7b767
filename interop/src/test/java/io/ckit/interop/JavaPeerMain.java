/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import io.ckit.peer.State;
import io.ckit.shard.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Java ckit node ({@link JavaNode}) in its own JVM, speaking the stdin/stdout protocol of {@code
 * ckit-oracle peer} (see {@code interop/go/peer.go}) for the commands {@code join}, {@code
 * state}, {@code peers}, {@code owners}, {@code info}, {@code stop} and {@code exit}, so a test can
 * drive it with {@link PeerProcess} and crash it with SIGKILL ({@link JvmPeer}).
 *
 * <p>Flags: {@code -name NAME [-listen 127.0.0.1:PORT] [-label LABEL] [-keystore node.p12]}.
 * Protocol lines go to the original standard output; everything else the JVM prints goes to
 * standard error. End of stdin acts as {@code exit}.
 */
public final class JavaPeerMain {
  private final PrintStream out;
  private final JavaNode node;
  private boolean stopped;

  private JavaPeerMain(PrintStream out, JavaNode node) {
    this.out = out;
    this.node = node;
  }

  /**
   * Runs the peer until {@code exit} or the end of stdin.
   *
   * @param args the flags
   * @throws IOException if stdin fails
   */
  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      flags.put(args[i], args[i + 1]);
    }
    String listen = flags.getOrDefault("-listen", "127.0.0.1:0");
    JavaNode.Options options =
        new JavaNode.Options(
            flags.get("-name"),
            flags.getOrDefault("-label", ""),
            flags.containsKey("-keystore") ? Path.of(flags.get("-keystore")) : null,
            Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)));
    JavaPeerMain peer = new JavaPeerMain(out, JavaNode.start(options));
    peer.node.node.observe(peers -> {
      peer.emit(Map.of("event", "peers", "peers", peers));
      return true;
    });
    Map<String, Object> listening = new LinkedHashMap<>();
    listening.put("event", "listening");
    listening.put("name", options.name());
    listening.put("addr", peer.node.address());
    listening.put("advertise", peer.node.address());
    listening.put("pid", ProcessHandle.current().pid());
    peer.emit(listening);
    peer.commands();
    peer.emit(Map.of("event", "exiting"));
    System.exit(0);
  }

  private synchronized void emit(Map<String, Object> json) {
    out.println(Json.write(json));
  }

  private void commands() throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] fields = line.trim().split("\\s+");
      if (fields[0].isEmpty()) {
        continue;
      }
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("reply", fields[0]);
      try {
        reply.putAll(execute(fields[0], Arrays.asList(fields).subList(1, fields.length)));
        reply.put("ok", true);
      } catch (RuntimeException | AssertionError e) {
        reply.put("ok", false);
        reply.put("error", String.valueOf(e.getMessage()));
      }
      emit(reply);
      if (fields[0].equals("exit")) {
        return;
      }
    }
    shutdown();
  }

  private Map<String, Object> execute(String command, List<String> args) {
    switch (command) {
      case "join" -> {
        expectArgs(args, 1, "join <addr,...>");
        node.joinOnce(List.of(args.get(0).split(",")));
        return Map.of();
      }
      case "state" -> {
        expectArgs(args, 1, "state <viewer|participant|terminating>");
        node.changeState(State.parse(args.get(0)));
        return Map.of();
      }
      case "peers" -> {
        return Map.of("peers", node.peers());
      }
      case "owners" -> {
        expectArgs(args, 4, "owners <ring|rendezvous|multiprobe> <n> <read|readwrite> <key,...>");
        Op op =
            switch (args.get(2)) {
              case "read" -> Op.READ;
              case "readwrite" -> Op.READ_WRITE;
              default -> throw new IllegalArgumentException("unknown op \"" + args.get(2) + "\"");
            };
        List<String> keys = List.of(args.get(3).split(","));
        return Map.of(
            "owners", node.owners(args.get(0), Integer.parseInt(args.get(1)), op, keys));
      }
      case "info" -> {
        return Map.of("name", node.name(), "state", node.node.currentState().toString());
      }
      case "stop", "exit" -> {
        shutdown();
        return Map.of();
      }
      default -> throw new IllegalArgumentException("unknown command \"" + command + "\"");
    }
  }

  private void shutdown() {
    if (!stopped) {
      stopped = true;
      node.leave();
    }
  }

  private static void expectArgs(List<String> args, int count, String usage) {
    if (args.size() != count) {
      throw new IllegalArgumentException("usage: " + usage);
    }
  }
}
