/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.OutputStreamRequestContent;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Jetty {@link HttpClient} reaching its own {@link Server} over HTTP/2 in memory, through {@link
 * InMemoryHttp}. The server has no network connector at all.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InMemoryHttpTest {
  private static final long PATIENCE_SECONDS = BackgroundCall.PATIENCE.toSeconds();

  /** What the server saw of each request. */
  private record Seen(Connector connector, HttpVersion version, SocketAddress remote) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private Server server;
  private InMemoryHttp inMemory;
  private HttpClient client;

  /**
   * Echoes the request body as the response body, chunk by chunk, as it arrives. It never blocks:
   * over the in-memory pipe it runs on the client's writing thread.
   */
  private final class EchoHandler extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
      seen.add(new Seen(request.getConnectionMetaData().getConnector(),
          request.getConnectionMetaData().getHttpVersion(),
          request.getConnectionMetaData().getRemoteSocketAddress()));
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
      // Commit the headers first, so the client sees the response before it sends any body.
      response.write(false, null,
          Callback.from(() -> Content.copy(request, response, callback), callback::failed));
      return true;
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = new Server();
    inMemory = InMemoryHttp.addTo(server);
    server.setHandler(new EchoHandler());
    server.start();
    client = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(new ClientConnector())));
    client.start();
  }

  @AfterEach
  void stop() throws Exception {
    client.stop();
    server.stop();
  }

  @Test
  void shouldStreamAFullDuplexHttp2PostInMemory() throws Exception {
    assertEquals(List.of(inMemory.connector()), List.of(server.getConnectors()));

    OutputStreamRequestContent body = new OutputStreamRequestContent("application/octet-stream");
    InputStreamResponseListener listener = new InputStreamResponseListener();
    inMemory.route(client.newRequest("http://ckit.invalid/echo").method(HttpMethod.POST).body(body))
        .send(listener);

    // The response headers arrive while the request body is still open.
    Response response = listener.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    assertEquals(200, response.getStatus());
    assertEquals(HttpVersion.HTTP_2, response.getVersion());

    OutputStream out = body.getOutputStream();
    DataInputStream in = new DataInputStream(listener.getInputStream());
    for (int i = 0; i < 50; i++) {
      // Each reply is read before the next request chunk is written: full duplex.
      byte[] frame = ("ping " + i).getBytes(UTF_8);
      out.write(frame);
      out.flush();
      byte[] reply = new byte[frame.length];
      in.readFully(reply);
      assertArrayEquals(frame, reply);
    }
    byte[] big = ConnTest.pattern(64 * 1024 + 3);
    out.write(big);
    out.flush();
    byte[] bigReply = new byte[big.length];
    in.readFully(bigReply);
    assertArrayEquals(big, bigReply);

    out.close(); // END_STREAM on the request; the echo then ends the response.
    assertEquals(-1, in.read());
    assertEquals(1, seen.size());
    assertSame(inMemory.connector(), seen.get(0).connector());
    assertEquals(HttpVersion.HTTP_2, seen.get(0).version());
    assertFalse(seen.get(0).remote() instanceof InetSocketAddress, "not a socket: " + seen.get(0).remote());
  }

  @Test
  void shouldReuseOneDestinationForAllRoutedRequests() throws Exception {
    for (int i = 0; i < 3; i++) {
      ContentResponse response = inMemory
          .route(client.newRequest("http://ckit.invalid/echo").method(HttpMethod.POST)
              .body(new StringRequestContent("text/plain", "hello " + i)))
          .timeout(PATIENCE_SECONDS, TimeUnit.SECONDS)
          .send();
      assertEquals(200, response.getStatus());
      assertEquals("hello " + i, response.getContentAsString());
    }
    assertEquals(1, client.getDestinations().size());
    assertEquals(3, seen.size());
  }

  @Test
  void shouldRefuseHttpsUris() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> inMemory.route(client.newRequest("https://ckit.invalid/echo")));
    assertEquals("in-memory HTTP/2 is h2c and needs an http:// URI, got https://ckit.invalid/echo",
        e.getMessage());
  }

  @Test
  void shouldHandOutOneTransport() {
    assertSame(inMemory.transport(), inMemory.transport());
    assertSame(inMemory.transport(),
        inMemory.route(client.newRequest("http://ckit.invalid/")).getTransport());
  }

}
