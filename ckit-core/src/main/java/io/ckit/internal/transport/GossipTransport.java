/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import io.ckit.internal.log.NodeLog;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.ssl.ALPNProcessor;
import org.eclipse.jetty.server.Handler;

/**
 * ckit's gossiphttp transport (Go {@code internal/gossiphttp}) on Jetty 12: serves {@code POST
 * /api/v1/ckit/transport/message} and {@code /stream} through {@link #handler()} (or a {@link
 * GossipServlet}), and sends packets and dials streams to peers through an embedder-supplied Jetty
 * {@link HttpClient}.
 *
 * <p>The client must speak HTTP/2: build it over {@code HttpClientTransportOverHTTP2}, which uses
 * h2c with prior knowledge for {@code http} (as Go's {@code http2.Transport{AllowHTTP: true}}) and
 * ALPN {@code h2} for {@code https}; with TLS the {@code jetty-alpn-java-client} jar must be present
 * ({@link #start()} checks). The server connector must offer {@code HTTP2CServerConnectionFactory}
 * (h2c) or ALPN with {@code HTTP2ServerConnectionFactory}; HTTP/1.x requests are answered 505. The
 * embedder starts and stops the {@code Server} and {@code HttpClient}. Jetty's idle timeouts (30 s
 * by default on both sides) also bound a silent stream.
 *
 * <p>Threads: the transport creates no threads of its own and holds none per packet or stream. All
 * work runs on the threads of the Jetty {@code Server} and {@code HttpClient}, except that a packet
 * request is started on the thread that sends the packet, or on the thread that completed the
 * previous one. Every public method is thread-safe and non-blocking.
 */
public final class GossipTransport {
  /** The base route Go ckit mounts the transport under. */
  public static final String BASE_ROUTE = "/api/v1/ckit/transport";

  /** The packet endpoint's full path. */
  public static final String MESSAGE_PATH = BASE_ROUTE + "/message";

  /** The stream endpoint's full path. */
  public static final String STREAM_PATH = BASE_ROUTE + "/stream";

  /** The only Content-Type accepted and sent, compared for exact equality as Go does. */
  public static final String CONTENT_TYPE = "application/x.ckit";

  private enum State {
    NEW,
    RUNNING,
    STOPPED
  }

  private final TransportConfig config;
  private final HttpClient client;
  private final TransportSink sink;
  private final TransportMetrics metrics;
  private final NodeLog log;
  private final PacketSender packets;
  private final GossipHandler handler;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final Set<FramedStream> streams = ConcurrentHashMap.newKeySet();

  /**
   * Creates a transport; it answers 503 until {@link #start()}.
   *
   * @param config the settings
   * @param client the HTTP/2 client for outgoing requests, started and stopped by the caller
   * @param sink receives packets and accepted streams
   */
  public GossipTransport(TransportConfig config, HttpClient client, TransportSink sink) {
    this.config = Objects.requireNonNull(config, "config");
    this.client = Objects.requireNonNull(client, "client");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.log = NodeLog.transport(config.nodeName(), config.nanoClock());
    this.packets = new PacketSender(this);
    this.metrics = new TransportMetrics(sink::queuedPackets, packets::queued);
    this.handler = new GossipHandler(this);
  }

  /**
   * Starts serving requests and sending packets. Non-blocking.
   *
   * @throws IllegalStateException if the HTTP client is not started, the transport was stopped, or TLS is configured and no Jetty
   *     client ALPN processor is on the class or module path (without one, h2 requests over TLS
   *     hang silently)
   */
  public void start() {
    if (!client.isStarted()) {
      throw new IllegalStateException("start the HttpClient before the gossip transport");
    }
    if (config.useTls() && !ServiceLoader.load(ALPNProcessor.Client.class).iterator().hasNext()) {
      throw new IllegalStateException(
          "TLS is enabled but no Jetty ALPN client processor was found: add"
              + " org.eclipse.jetty:jetty-alpn-java-client to the runtime path");
    }
    if (!state.compareAndSet(State.NEW, State.RUNNING) && state.get() == State.STOPPED) {
      throw new IllegalStateException("a stopped transport cannot be restarted");
    }
    packets.kick(); // packets queued before start
  }

  /**
   * Stops the transport: new requests get 503, open streams are reset (their listeners get {@code
   * onClosed} with a {@link TransportException}), queued packets are dropped (counted), and packet
   * requests in flight get at most the packet timeout to finish before they are aborted (as Go's
   * transport finishes the packet it is writing; a leave gossiped just before must not be lost).
   * Idempotent; blocks only while packets are in flight, at most the packet timeout.
   */
  public void stop() {
    if (state.getAndSet(State.STOPPED) == State.STOPPED) {
      return;
    }
    packets.stop();
    // Finish every stream before resetting any: a reset can reach a peer stream of this same
    // transport (in memory, even on this thread) and must not pre-empt its "stopped" cause.
    TransportException cause = stopped();
    List<FramedStream> finished = new java.util.ArrayList<>();
    for (FramedStream stream : List.copyOf(streams)) {
      if (stream.finish(cause)) {
        finished.add(stream);
      }
    }
    for (FramedStream stream : finished) {
      stream.abortExchange(cause);
    }
  }

  /** Returns whether the transport was started and not stopped. */
  public boolean isRunning() {
    return state.get() == State.RUNNING;
  }

  /**
   * Returns the Jetty core handler serving both endpoints; it declines other paths, so it can sit in
   * a {@code Handler.Sequence} before the application.
   */
  public Handler handler() {
    return handler;
  }

  /**
   * Queues one packet for {@code addr}, to be sent as one {@code /message} request with one frame.
   * If fewer than {@code maxPacketsInFlight} requests are in flight, the request is started on the
   * calling thread (Jetty's asynchronous send: the frames are queued and written without waiting).
   * Never blocks. If the queue is full the oldest queued packet is dropped; after {@link #stop()}
   * the packet itself is dropped. Both are counted.
   *
   * @param addr the peer's {@code host:port} ({@code [ipv6]:port})
   * @param payload the packet, owned by the transport from now on
   */
  public void sendPacket(String addr, byte[] payload) {
    packets.enqueue(Objects.requireNonNull(addr, "addr"), Objects.requireNonNull(payload, "payload"));
  }

  /**
   * Dials a stream to {@code addr}. The future completes when the peer's response headers arrive
   * (as Go's {@code client.Do}), on a Jetty thread; dependent actions must not block. It fails with
   * a {@link TransportException} if the peer answers other than 200, if the transport is not
   * running, or with the connection error. As in Go, {@code timeout} bounds the whole life of the
   * stream, not just the dial: when it expires the stream is reset and the listener gets {@code
   * onClosed} with a {@link java.util.concurrent.TimeoutException}.
   *
   * @param addr the peer's {@code host:port}
   * @param timeout the stream's lifetime, or zero for none (then only idle timeouts apply)
   * @param listener receives the peer's data and the end of the stream, only if the future
   *     completes successfully
   * @return the stream, once established
   */
  public CompletableFuture<StreamConnection> openStream(
      String addr, Duration timeout, StreamListener listener) {
    Objects.requireNonNull(addr, "addr");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(listener, "listener");
    if (!isRunning()) {
      return CompletableFuture.failedFuture(stopped());
    }
    return DialedStream.open(this, addr, timeout, listener);
  }

  /** Returns the transport's metrics. */
  public TransportMetrics metrics() {
    return metrics;
  }

  /** Returns how many outgoing packets wait in the queue. */
  public int queuedPackets() {
    return packets.queued();
  }

  /** Returns how many {@code /message} requests are in flight. */
  public int packetsInFlight() {
    return packets.inFlight();
  }

  /** Returns the transport's log. */
  public NodeLog log() {
    return log;
  }

  TransportConfig config() {
    return config;
  }

  TransportSink sink() {
    return sink;
  }

  long now() {
    return config.nanoClock().getAsLong();
  }

  /** Builds a POST to {@code path} on {@code addr}, routed in memory if configured. */
  Request newRequest(String addr, String path) {
    Request request =
        client
            .newRequest(config.scheme() + "://" + addr + path)
            .method(HttpMethod.POST)
            .version(HttpVersion.HTTP_2);
    org.eclipse.jetty.io.Transport route = config.routes().get(addr);
    if (route != null) {
      request.transport(route);
    }
    return request;
  }

  /**
   * Decides whether to reject a request before using its body, in Go's order: stopped 503, not
   * HTTP/2 505, wrong Content-Type 400. Counts rejections.
   *
   * @return the error status, or 0 to accept
   */
  int rejection(HttpVersion version, String contentType) {
    if (!isRunning()) {
      metrics.reject(TransportMetrics.Rejection.STOPPED);
      return HttpStatus.SERVICE_UNAVAILABLE_503;
    }
    if (version != HttpVersion.HTTP_2) {
      metrics.reject(TransportMetrics.Rejection.HTTP_VERSION);
      return HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505;
    }
    if (!CONTENT_TYPE.equals(contentType)) {
      metrics.reject(TransportMetrics.Rejection.CONTENT_TYPE);
      return HttpStatus.BAD_REQUEST_400;
    }
    return 0;
  }

  /** Registers an established stream; fails it at once if the transport stopped meanwhile. */
  void streamStarted(FramedStream stream) {
    streams.add(stream);
    metrics.streamOpened();
    if (!isRunning()) {
      stream.fail(stopped());
    }
    if (stream.isFinished()) {
      streamEnded(stream); // it may have finished before it was added
    }
  }

  void streamEnded(FramedStream stream) {
    if (streams.remove(stream)) {
      metrics.streamClosed();
    }
  }

  static TransportException stopped() {
    return new TransportException("gossip transport is stopped");
  }

  /** Formats a peer socket address as Go's {@code net.TCPAddr} does, or "unknown". */
  static String formatAddress(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      String host = inet.getAddress().getHostAddress();
      int zone = host.indexOf('%');
      if (zone >= 0) {
        host = host.substring(0, zone);
      }
      return inet.getAddress() instanceof Inet6Address
          ? "[" + host + "]:" + inet.getPort()
          : host + ":" + inet.getPort();
    }
    return "unknown";
  }
}
