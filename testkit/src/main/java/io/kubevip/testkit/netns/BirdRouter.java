// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * BIRD 2 in a test namespace, in the foreground so this test owns the process: configs as in
 * platform-notes §3 ({@code connect delay time 1; error wait time 1,5;}), a kernel protocol per family exporting
 * BGP routes with {@code merge paths on} for ECMP. {@link #start} takes the {@code protocol bgp ... from kv} lines;
 * the template {@code kv} is AS 65000 on the role's IPv4 address with hold time 3 s.
 */
public final class BirdRouter implements AutoCloseable {
  private final Topology topology;
  private final String role;
  private final Path dir;
  private final Path socket;
  private Process process;

  public BirdRouter(Topology topology, String role, Path dir) {
    this.topology = topology;
    this.role = role;
    this.dir = dir;
    this.socket = dir.resolve("bird.ctl");
  }

  public Path log() {
    return dir.resolve("bird.log");
  }

  public String logText() throws IOException {
    return Files.exists(log()) ? Files.readString(log()) : "";
  }

  public BirdRouter start(String protocols) throws IOException, InterruptedException {
    String conf = "router id " + topology.ipv4(role) + ";\n"
        + "log \"" + log() + "\" all;\n"
        + "protocol device { scan time 10; }\n"
        + "protocol kernel k4 { ipv4 { import none; export where source = RTS_BGP; }; merge paths on; }\n"
        + "protocol kernel k6 { ipv6 { import none; export where source = RTS_BGP; }; merge paths on; }\n"
        + "template bgp kv {\n"
        + "  local " + topology.ipv4(role) + " as 65000;\n"
        + "  hold time 3; keepalive time 1; connect retry time 1; connect delay time 1; error wait time 1, 5;\n"
        + "  ipv4 { import all; export none; };\n"
        + "  ipv6 { import all; export none; };\n"
        + "}\n" + protocols;
    Files.writeString(dir.resolve("bird.conf"), conf);
    process = new ProcessBuilder("ip", "netns", "exec", topology.ns(role), "bird", "-f", "-c",
        dir.resolve("bird.conf").toString(), "-s", socket.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("bird.out").toFile()).start();
    Process started = process;
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .pollInterval(java.time.Duration.ofMillis(20)).until(() -> {
          if (!started.isAlive()) {
            throw new IllegalStateException("bird exited " + started.exitValue() + ": "
                + Files.readString(dir.resolve("bird.out")));
          }
          return birdc("show status").exitCode() == 0;
        });
    return this;
  }

  public Shell.Result birdc(String command) {
    return Shell.run("birdc", "-s", socket.toString(), command);
  }

  /** Kills BIRD the hard way (like a crash): its sessions drop without NOTIFICATION. */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
