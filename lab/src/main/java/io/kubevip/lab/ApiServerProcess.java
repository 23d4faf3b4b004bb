// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts {@link ApiServerMain} under {@code ip netns exec <api>}, waits until a node namespace gets an answer
 * from it over the management LAN, and writes the kubeconfig the managers use.
 */
public final class ApiServerProcess implements AutoCloseable {
  public static final int PORT = 6443;

  private final Process process;
  private final Path kubeconfig;
  private final Path requestLog;
  private final String url;
  private final Path adminSocket;
  private SocketPipe loopback;
  private KubernetesClient client;

  private ApiServerProcess(Process process, Path kubeconfig, Path requestLog, String url, Path adminSocket) {
    this.adminSocket = adminSocket;
    this.process = process;
    this.kubeconfig = kubeconfig;
    this.requestLog = requestLog;
    this.url = url;
  }

  /** Starts the API in the topology's api namespace; {@code workDir} gets api.log, api-requests.log, kubeconfig. */
  public static ApiServerProcess start(LabTopology topology, Path workDir, Duration timeout) {
    return start(topology, workDir, timeout, List.of());
  }

  /**
   * JVM options for an API server that stands in for kube-apiserver in a benchmark: the mock's CRUD dispatcher does
   * work proportional to the stored objects on every request, and with the lab's light child options (C1 only, 192 MiB
   * serial heap) it, not the process under test, becomes what a benchmark measures at thousands of objects.
   */
  public static final List<String> BENCH_JVM_OPTIONS = List.of("-Xmx768m", "-XX:TieredStopAtLevel=4");

  /** As {@link #start(LabTopology, Path, Duration)}, with {@code jvmOptions} after the lab's child JVM options. */
  public static ApiServerProcess start(LabTopology topology, Path workDir, Duration timeout, List<String> jvmOptions) {
    String address = LabTopology.apiAddress();
    String url = "https://" + address + ":" + PORT;
    Path log = workDir.resolve("api.log");
    Path requests = workDir.resolve("api-requests.log");
    Path kubeconfig = workDir.resolve("kubeconfig");
    Path adminSocket = workDir.resolve("api.sock");
    List<String> cmd = topology.execCommand(LabTopology.API, JavaLauncher.thisProgram(jvmOptions, List.of(
        "api-server", "--bind", address, "--port", String.valueOf(PORT), "--request-log", requests.toString(),
        "--admin-socket", adminSocket.toString())));
    Process p;
    try {
      Files.writeString(kubeconfig, kubeconfig(url), StandardCharsets.UTF_8);
      p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      throw new LabException("cannot start the API server: " + e.getMessage(), e);
    }
    ApiServerProcess api = new ApiServerProcess(p, kubeconfig, requests, url, adminSocket);
    try {
      api.awaitAnswer(topology, topology.nodes().get(0), timeout, log);
    } catch (RuntimeException e) {
      api.close();
      throw e;
    }
    return api;
  }

  private void awaitAnswer(LabTopology topology, String fromRole, Duration timeout, Path log) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String leases = url + "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new LabException("API server exited " + process.exitValue() + " at start; see " + log);
      }
      Exec.Result r = topology.exec(fromRole, "curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}",
          "--max-time", "1", leases);
      if (r.stdout().strip().equals("200")) {
        return;
      }
      Sleep.millis(200);
    }
    throw new LabException("API server did not answer " + leases + " from " + fromRole + " within "
        + timeout.toSeconds() + " s; see " + log);
  }

  /** A kubeconfig for the lab API: TLS unchecked (the mock server's certificate is self-signed). */
  static String kubeconfig(String url) {
    return String.join("\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: lab",
        "  cluster:",
        "    server: " + url,
        "    insecure-skip-tls-verify: true",
        "contexts:",
        "- name: lab",
        "  context:",
        "    cluster: lab",
        "    user: lab",
        "    namespace: kube-system",
        "current-context: lab",
        "users:",
        "- name: lab",
        "  user:",
        "    token: lab",
        "");
  }

  /**
   * A client for the lab API usable from this process in the root namespace: it talks to 127.0.0.1, and a pipe joins
   * that to the API's Unix socket, so no packet is routed from the root namespace to a lab address. Closed with this
   * object.
   */
  public synchronized KubernetesClient client() {
    if (client == null) {
      try {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        loopback = SocketPipe.start(listener, SocketPipe.dialer(UnixDomainSocketAddress.of(adminSocket)), "api-loopback");
      } catch (IOException e) {
        throw new LabException("cannot open the loopback pipe to the lab API: " + e.getMessage(), e);
      }
      int port = ((InetSocketAddress) loopback.localAddress()).getPort();
      client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty())
          .withMasterUrl("https://127.0.0.1:" + port).withTrustCerts(true).withDisableHostnameVerification(true)
          .withNamespace("default").withOauthToken("lab").withRequestTimeout(10_000).build()).build();
    }
    return client;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public Path requestLog() {
    return requestLog;
  }

  public String url() {
    return url;
  }

  /** Write requests (POST/PUT/PATCH/DELETE) the API has served so far. */
  public long writeCount() {
    try {
      if (!Files.exists(requestLog)) {
        return 0;
      }
      try (var lines = Files.lines(requestLog)) {
        return lines.count();
      }
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Writes so far by verb and resource, e.g. {@code "PUT leases" -> 31}: what a scenario cost the API server.
   */
  public java.util.SortedMap<String, Long> writesByResource() {
    java.util.SortedMap<String, Long> out = new java.util.TreeMap<>();
    try {
      if (Files.exists(requestLog)) {
        for (String line : Files.readAllLines(requestLog)) {
          String key = writeKey(line);
          if (key != null) {
            out.merge(key, 1L, Long::sum);
          }
        }
      }
    } catch (IOException e) {
      // an unreadable log only loses the breakdown
    }
    return out;
  }

  /** {@code "1795671082148 PUT /apis/coordination.k8s.io/v1/namespaces/kube-system/leases/x"} → {@code "PUT leases"}. */
  static String writeKey(String line) {
    String[] f = line.strip().split("\\s+");
    if (f.length < 3) {
      return null;
    }
    String path = f[2].split("\\?")[0];
    String[] seg = path.split("/");
    for (int i = 0; i + 2 < seg.length; i++) {
      if (seg[i].equals("namespaces")) {
        return f[1] + " " + seg[i + 2];
      }
    }
    // cluster-scoped: /api/v1/<resource>[/name] or /apis/<group>/<version>/<resource>[/name]
    int first = path.startsWith("/apis/") ? 4 : 3;
    return seg.length > first ? f[1] + " " + seg[first] : f[1] + " " + path;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (client != null) {
        client.close();
      }
      if (loopback != null) {
        loopback.close();
      }
    }
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
