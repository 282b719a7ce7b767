/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ckit.peer.Peer;
import io.ckit.shard.Key;
import io.ckit.shard.Op;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Opens the first demo node's status page in headless Chromium (Debian's {@code /usr/bin/chromium}
 * driven by playwright-core, see {@code src/test/js/status-page.mjs}) and checks what it shows
 * against the node and its sharder. Leaves a screenshot in {@code target/page-screenshot.png}.
 *
 * <p>It needs Chromium and {@code npm ci} in {@code src/test/js}; {@code scripts/test-all} installs
 * both. Without them the test fails, saying what is missing: it never skips.
 */
@Timeout(180)
class StatusPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCRIPT_DIR = Path.of("src/test/js");
  private static final Path SCREENSHOT = Path.of("target/page-screenshot.png");
  private static final String KEY = "user-42";
  private static final int COUNT = 2;

  @Test
  void pageShowsPeersOwnershipAndLookups() throws Exception {
    requireBrowser();
    Files.deleteIfExists(SCREENSHOT);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (ClusterDemo demo =
        ClusterDemo.start(
            DemoOptions.local(3), new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      Await.converged(demo);
      DemoNode first = demo.nodes().get(0);
      List<String> seen = runBrowser(first.url(), demo.nodes().size());

      assertEquals(List.of(), field(seen, "error"), "errors on the page");

      List<String> expectedPeers = new ArrayList<>();
      for (Peer peer : first.node().peers()) {
        expectedPeers.add(peer.name() + " " + peer.state());
      }
      assertEquals(expectedPeers, field(seen, "peer"), "peers table");

      Map<String, Double> shares = new LinkedHashMap<>();
      for (String share : field(seen, "share")) {
        String[] parts = share.split(" ");
        shares.put(parts[0], Double.parseDouble(parts[1]));
      }
      Map<String, Double> expectedShares = OwnershipShares.of(first.sharder());
      assertEquals(List.copyOf(expectedShares.keySet()), List.copyOf(shares.keySet()), "chart");
      double total = 0;
      for (Map.Entry<String, Double> share : shares.entrySet()) {
        assertEquals(expectedShares.get(share.getKey()) * 100, share.getValue(), 0.01, "share");
        total += share.getValue();
      }
      assertEquals(100, total, 0.05, "the chart's shares must add up to 100 %");
      assertEquals(100, Double.parseDouble(field(seen, "strip").get(0)), 0.05, "ring strip");

      assertEquals(owners(first, Op.READ), field(seen, "owner read"), "READ owners");
      assertEquals(owners(first, Op.READ_WRITE), field(seen, "owner readWrite"), "READ_WRITE");
      assertTrue(Files.size(SCREENSHOT) > 10_000, "screenshot " + SCREENSHOT.toAbsolutePath());
    }
  }

  private static void requireBrowser() {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(
          "Chromium is missing: the status page test needs Debian's /usr/bin/chromium. "
              + "scripts/test-all installs it (apt-get install -y chromium).");
    }
    if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core"))) {
      fail(
          "playwright-core is missing: run `npm ci` in ckit-examples/src/test/js "
              + "(scripts/test-all does). Never `npx playwright install`: the browser is Debian's.");
    }
  }

  /** Runs the page script and returns its output lines. */
  private static List<String> runBrowser(String url, int participants)
      throws IOException, InterruptedException {
    Path log = Path.of("target/page-test.log");
    Process process =
        new ProcessBuilder(
                "node",
                "status-page.mjs",
                url,
                Integer.toString(participants),
                KEY,
                Integer.toString(COUNT),
                SCREENSHOT.toAbsolutePath().toString())
            .directory(SCRIPT_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("the browser script did not finish in 120 s; see " + log.toAbsolutePath());
    }
    List<String> lines = Files.readAllLines(log);
    assertEquals(0, process.exitValue(), () -> "browser script failed:\n" + String.join("\n", lines));
    return lines;
  }

  /** Returns the values of the output lines that start with {@code name} and a space. */
  private static List<String> field(List<String> lines, String name) {
    List<String> values = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(name + " ")) {
        values.add(line.substring(name.length() + 1));
      }
    }
    return values;
  }

  private static List<String> owners(DemoNode node, Op op) {
    return node.sharder().lookup(Key.of(KEY), COUNT, op).stream().map(Peer::name).toList();
  }
}
