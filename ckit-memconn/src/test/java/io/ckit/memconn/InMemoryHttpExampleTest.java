/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example in {@link InMemoryHttp}'s Javadoc (ckit-examples' {@code JavadocSnippetsTest} keeps
 * them identical): a request from a Jetty client to its own server, over HTTP/2 in memory.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InMemoryHttpExampleTest {

  /** Answers with the request's path. It never blocks, as the in-memory pipe requires. */
  private static final class PathHandler extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      response.setStatus(200);
      Content.Sink.write(response, true, "path " + Request.getPathInContext(request), callback);
      return true;
    }
  }

  @Test
  void shouldAnswerARequestWithoutASocket() throws Exception {
    Server server = new Server();
    server.setHandler(new PathHandler());
    // @start region=example
    InMemoryHttp self = InMemoryHttp.addTo(server); // before server.start()
    server.start();
    HttpClient client = new HttpClient(
        new HttpClientTransportOverHTTP2(new HTTP2Client(new ClientConnector())));
    client.start();
    ContentResponse r = self.route(client.newRequest("http://localhost/path")).send();
    // @end
    try {
      assertEquals(200, r.getStatus());
      assertEquals(HttpVersion.HTTP_2, r.getVersion());
      assertEquals("path /path", r.getContentAsString());
      assertEquals(List.of(self.connector()), List.of(server.getConnectors()));
    } finally {
      client.stop();
      server.stop();
    }
  }
}
