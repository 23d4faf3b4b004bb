// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code kubevip manager} in a node namespace, configured the way a kube-vip manifest does it (environment
 * variables), with its output in a per-node log. The lab kills it (SIGKILL, a crash) or stops it (SIGTERM, a
 * graceful shutdown) and watches its /readyz from inside the node namespace.
 */
public final class ManagerProcess implements AutoCloseable {
  private final String node;
  private final Process process;
  private final Path log;

  private ManagerProcess(String node, Process process, Path log) {
    this.node = node;
    this.process = process;
    this.log = log;
  }

  /**
   * What every manager of a lab run shares.
   *
   * @param environmentOverrides added to (or, with an empty value, removed from) the control-plane environment below,
   *     e.g. {@code svc_enable=true, cp_enable=""} for a Services-only node
   */
  public record Config(Path kubevipJar, String vip, Path kubeconfig, Duration lease, Duration renew,
      Duration retry, List<String> extraJvmOptions, Map<String, String> environmentOverrides) {
    public Config {
      extraJvmOptions = List.copyOf(extraJvmOptions);
      environmentOverrides = Map.copyOf(environmentOverrides);
    }

    public Config(Path kubevipJar, String vip, Path kubeconfig, Duration lease, Duration renew, Duration retry,
        List<String> extraJvmOptions) {
      this(kubevipJar, vip, kubeconfig, lease, renew, retry, extraJvmOptions, Map.of());
    }

    /** This config with {@code overrides} merged over the existing overrides. */
    public Config withEnvironment(Map<String, String> overrides) {
      Map<String, String> merged = new LinkedHashMap<>(environmentOverrides);
      merged.putAll(overrides);
      return new Config(kubevipJar, vip, kubeconfig, lease, renew, retry, extraJvmOptions, merged);
    }

    /** The manifest-style environment of {@code node}; sub-second timings go in as properties instead. */
    Map<String, String> environment(String node) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("vip_arp", "true");
      env.put("cp_enable", "true");
      env.put("address", vip);
      env.put("vip_interface", "eth0");
      env.put("vip_nodename", node);
      env.put("k8s_config_file", kubeconfig.toString());
      env.put("prometheus_server", ":2112");
      environmentOverrides.forEach((k, v) -> {
        if (v.isEmpty()) {
          env.remove(k);
        } else {
          env.put(k, v);
        }
      });
      return env;
    }

    List<String> jvmOptions() {
      List<String> opts = new java.util.ArrayList<>(List.of(
          "-Dkubevip.leader-election.lease-duration=" + lease.toMillis() + "ms",
          "-Dkubevip.leader-election.renew-deadline=" + renew.toMillis() + "ms",
          "-Dkubevip.leader-election.retry-period=" + retry.toMillis() + "ms"));
      opts.addAll(extraJvmOptions);
      return opts;
    }
  }

  /** Starts a manager for {@code node}; its output goes to {@code workDir/<node>-<n>.log}. */
  public static ManagerProcess start(LabTopology topology, String node, Config config, Path workDir, int run) {
    List<String> cmd = topology.execCommand(node,
        JavaLauncher.kubevip(config.kubevipJar(), config.jvmOptions(), List.of("manager")));
    Path log = workDir.resolve(node + "-" + run + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = pb.environment();
    // only what a pod would have: no kube-vip settings leak in from the shell that started the lab
    env.keySet().removeIf(k -> !List.of("PATH", "HOME", "LANG", "TZ").contains(k));
    env.putAll(config.environment(node));
    try {
      return new ManagerProcess(node, pb.start(), log);
    } catch (IOException e) {
      throw new LabException("cannot start the manager of " + node + ": " + e.getMessage(), e);
    }
  }

  public String node() {
    return node;
  }

  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, once it has exited. */
  public Integer exitCode() {
    return process.isAlive() ? null : process.exitValue();
  }

  /** SIGKILL: the JVM gets no chance to withdraw anything. */
  public void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(5));
  }

  /** SIGTERM: graceful shutdown; waits up to {@code timeout}, then kills. Returns the exit code. */
  public int terminate(Duration timeout) {
    process.destroy();
    if (!awaitExit(timeout)) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(5));
    }
    return process.exitValue();
  }

  private boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** HTTP status of /readyz on 127.0.0.1:2112 inside the node namespace, or 0 when nothing answers. */
  public int readyz(LabTopology topology) {
    Exec.Result r = topology.exec(node, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "1",
        "http://127.0.0.1:2112/readyz");
    try {
      return Integer.parseInt(r.stdout().strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Waits until /readyz answers 200; fails early, naming the log, when the manager exits. */
  public void awaitReady(LabTopology topology, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new LabException("manager on " + node + " exited " + process.exitValue() + "; see " + log
            + lastLine());
      }
      if (readyz(topology) == 200) {
        return;
      }
      Sleep.millis(200);
    }
    throw new LabException("manager on " + node + " not ready (/readyz) within " + timeout.toSeconds()
        + " s; see " + log);
  }

  private String lastLine() {
    try {
      List<String> lines = java.nio.file.Files.readAllLines(log);
      return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      terminate(Duration.ofSeconds(5));
    }
  }
}
