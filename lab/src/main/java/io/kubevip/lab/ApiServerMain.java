// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The lab's Kubernetes API: fabric8's mock server in CRUD mode (Leases, watches, optimistic concurrency on
 * resourceVersion), run as a process of its own inside the {@code api} namespace so that managers reach it
 * over the management LAN like a real API server. Writes can be logged, one line each, to count the API load a
 * scenario produced.
 */
public final class ApiServerMain {
  // held so the level sticks: JUL keeps loggers weakly; the mock server logs every request at INFO
  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private ApiServerMain() {}

  /** Serves until the process is terminated. */
  public static void serve(String bind, int port, boolean https, Path requestLog) throws Exception {
    serve(bind, port, https, requestLog, null);
  }

  /**
   * Serves until the process is terminated; with {@code adminSocket}, connections to that Unix socket are joined to
   * the API port inside this process's namespace, so a test in another namespace reaches the API through a file
   * instead of a route.
   */
  public static void serve(String bind, int port, boolean https, Path requestLog, Path adminSocket) throws Exception {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    BufferedWriter log = requestLog == null ? null
        : Files.newBufferedWriter(requestLog, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
    KubernetesCrudDispatcher dispatcher = new KubernetesCrudDispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = super.dispatch(request);
        if (log != null && !"GET".equals(request.getMethod())) {
          record(log, request.getMethod() + " " + request.getPath());
        }
        return response;
      }

      @Override
      public MockResponse handleWatch(String path) {
        MockResponse response = super.handleWatch(path);
        WebSocketListener listener = response.getWebSocketListener();
        return listener == null ? response : response.withWebSocketUpgrade(new CloseOffLoop(listener));
      }
    };
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, https);
    server.init(InetAddress.getByName(bind), port);
    SocketPipe admin = adminSocket == null ? null : unixPipe(adminSocket, new InetSocketAddress(bind, port));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (admin != null) {
        admin.close();
      }
      server.destroy();
      stopped.countDown();
    }, "api-shutdown"));
    System.out.println("kubevip-lab api: serving " + (https ? "https" : "http") + "://" + bind + ":" + port);
    System.out.flush();
    stopped.await();
  }

  private static SocketPipe unixPipe(Path socket, InetSocketAddress api) throws IOException {
    Files.deleteIfExists(socket);
    ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    listener.bind(UnixDomainSocketAddress.of(socket));
    return SocketPipe.start(listener, SocketPipe.dialer(api), "api-admin");
  }

  private static void record(BufferedWriter log, String line) {
    synchronized (log) {
      try {
        log.write(System.currentTimeMillis() + " " + line);
        log.newLine();
        log.flush();
      } catch (IOException e) {
        // a lost log line must not fail an API call
      }
    }
  }
}
