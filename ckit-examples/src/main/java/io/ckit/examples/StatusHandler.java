/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import io.ckit.Node;
import io.ckit.shard.Sharder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Serves a node's status page and the JSON it reads:
 *
 * <ul>
 *   <li>{@code GET /}: the page (HTML with inline script and SVG, no external resources);
 *   <li>{@code GET /api/status}: the node, its peers and the ownership shares ({@link
 *       StatusJson#status});
 *   <li>{@code GET /api/lookup?key=K&count=N}: the N owners of key K for both operations ({@link
 *       StatusJson#lookup}); N defaults to 2 and is at most 16.
 * </ul>
 *
 * <p>Declines every other request, so it can sit behind the ckit handler in a {@link
 * Handler.Sequence}. Non-blocking and thread-safe: every answer is computed from snapshots.
 */
final class StatusHandler extends Handler.Abstract.NonBlocking {
  private static final int MAX_COUNT = 16;
  private static final String HTML = "text/html";
  private static final String JSON = "application/json";

  private final Node node;
  private final Sharder sharder;
  private final String page;

  StatusHandler(Node node, Sharder sharder) {
    this.node = node;
    this.sharder = sharder;
    this.page = resource("status.html");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!HttpMethod.GET.is(request.getMethod())) {
      return false;
    }
    switch (Request.getPathInContext(request)) {
      case "/" -> send(response, callback, HttpStatus.OK_200, HTML, page);
      case "/api/status" -> send(response, callback, HttpStatus.OK_200, JSON, status());
      case "/api/lookup" -> lookup(request, response, callback);
      default -> {
        return false;
      }
    }
    return true;
  }

  private String status() {
    return StatusJson.status(
        node.config().name(), node.currentState(), node.peers(), OwnershipShares.of(sharder));
  }

  private void lookup(Request request, Response response, Callback callback) {
    Fields query = Request.extractQueryParameters(request);
    String key = query.getValue("key");
    String count = query.getValue("count");
    int owners;
    try {
      owners = count == null || count.isEmpty() ? 2 : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      owners = -1;
    }
    if (key == null || owners < 1 || owners > MAX_COUNT) {
      String error = StatusJson.error("want ?key=K&count=N with N in 1.." + MAX_COUNT);
      send(response, callback, HttpStatus.BAD_REQUEST_400, JSON, error);
      return;
    }
    send(response, callback, HttpStatus.OK_200, JSON, StatusJson.lookup(sharder, key, owners));
  }

  private static void send(
      Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + "; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Content.Sink.write(response, true, body, callback);
  }

  private static String resource(String name) {
    try (InputStream in = StatusHandler.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
