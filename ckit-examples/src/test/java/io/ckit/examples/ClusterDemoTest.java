/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Key;
import io.ckit.shard.Op;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Smoke test of the README's demo: three nodes start, converge, print what the README promises and
 * answer the status page's JSON endpoints with what their sharders say.
 */
@Timeout(120)
class ClusterDemoTest {
  private static final Pattern SHARE =
      Pattern.compile("\\{\"name\":\"([^\"]+)\",\"share\":([0-9.]+)\\}");
  private static final Pattern OWNER =
      Pattern.compile("\\{\"name\":\"([^\"]+)\",\"addr\":\"[^\"]+\"\\}");

  private static final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private static final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static ClusterDemo demo;

  @BeforeAll
  static void startDemo() {
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    demo = ClusterDemo.start(DemoOptions.local(3), out);
    Await.converged(demo);
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void firstNodeAloneOwnsSomeKey() {
    List<String> lines = printed();
    assertTrue(lines.contains("Owner of some-key: first-node"), () -> "printed: " + lines);
  }

  @Test
  void printsTheCurrentOwnersAsParticipantsChange() {
    DemoNode first = demo.nodes().get(0);
    String expected =
        ClusterDemo.SAMPLE_KEYS.stream()
            .map(key -> key + " -> " + owner(first, key))
            .collect(Collectors.joining(", ", "[first-node] owners: ", ""));
    Await.until(
        "the owners line for 3 participants",
        () -> printed().contains(expected),
        () -> String.join("\n", printed()));
    assertTrue(printed().stream().anyMatch(line -> line.startsWith("[first-node] peers: ")));
  }

  @Test
  void statusEndpointListsPeersAndShares() throws Exception {
    for (DemoNode node : demo.nodes()) {
      String json = get(node.url() + "api/status", 200);
      String head = "{\"name\":\"" + node.name() + "\",\"state\":\"participant\"";
      assertTrue(json.startsWith(head), json);
      for (Peer peer : node.node().peers()) {
        assertTrue(json.contains(peer.toJson()), () -> "no " + peer.toJson() + " in " + json);
      }
      List<String> names = new ArrayList<>();
      double total = 0;
      for (Matcher m = SHARE.matcher(json); m.find(); ) {
        names.add(m.group(1));
        double share = Double.parseDouble(m.group(2));
        assertTrue(share > 0.1 && share < 0.6, () -> "implausible share in " + json);
        total += share;
      }
      assertEquals(List.of("first-node", "node-2", "node-3"), names);
      assertEquals(1.0, total, 1e-5);
    }
  }

  @Test
  void lookupEndpointAnswersWhatTheSharderSays() throws Exception {
    for (DemoNode node : demo.nodes()) {
      for (String key : List.of("some-key", "user-42", "ключ/键")) {
        String query = "count=2&key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        String json = get(node.url() + "api/lookup?" + query, 200);
        int split = json.indexOf("\"readWrite\":");
        String read = json.substring(json.indexOf("\"read\":"), split);
        String readWrite = json.substring(split);
        List<Peer> readOwners = node.sharder().lookup(Key.of(key), 2, Op.READ);
        List<Peer> readWriteOwners = node.sharder().lookup(Key.of(key), 2, Op.READ_WRITE);
        assertEquals(names(readOwners), owners(read), json);
        assertEquals(names(readWriteOwners), owners(readWrite), json);
        assertTrue(json.contains("\"hash\":\"" + Key.of(key) + "\""), json);
      }
      String tooMany = get(node.url() + "api/lookup?key=k&count=4", 200);
      assertTrue(tooMany.contains("not enough nodes: need at least 4, have 3"), tooMany);
      get(node.url() + "api/lookup?count=2", 400);
      get(node.url() + "api/lookup?key=k&count=0", 400);
    }
  }

  @Test
  void sharderAgreesAcrossNodes() {
    List<DemoNode> nodes = demo.nodes();
    for (int i = 0; i < 200; i++) {
      Key key = Key.of("key-" + i);
      List<String> expected = names(nodes.get(0).sharder().lookup(key, 2, Op.READ_WRITE));
      for (DemoNode node : nodes) {
        assertEquals(expected, names(node.sharder().lookup(key, 2, Op.READ_WRITE)), node.name());
      }
    }
  }

  @Test
  void servesThePageAndDeclinesOtherPaths() throws Exception {
    DemoNode node = demo.nodes().get(1);
    String page = get(node.url(), 200);
    assertTrue(page.contains("<svg id=\"chart\""), "status page without its chart");
    assertTrue(!page.contains("src=\"http") && !page.contains("href=\"http"), "external resource");
    get(node.url() + "no-such-page", 404);
    assertEquals(State.PARTICIPANT, node.node().currentState());
  }

  private static String get(String url, int status) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(status, response.statusCode(), () -> url + " answered " + response.body());
    return response.body();
  }

  private static String owner(DemoNode node, String key) {
    return node.sharder().lookup(Key.of(key), 1, Op.READ_WRITE).get(0).name();
  }

  private static List<String> owners(String json) {
    List<String> names = new ArrayList<>();
    for (Matcher m = OWNER.matcher(json); m.find(); ) {
      names.add(m.group(1));
    }
    return names;
  }

  private static List<String> names(List<Peer> peers) {
    return peers.stream().map(Peer::name).toList();
  }

  private static List<String> printed() {
    return output.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
