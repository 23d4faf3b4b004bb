// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One long-lived {@code ip -n <ns> monitor neigh}: an independent reader of the kernel's neighbour
 * table that reports each change as it happens, so a test can time "sent until the entry changed"
 * without starting an ip process every few milliseconds. Each line is stamped with
 * {@link System#nanoTime()} when read, so a figure includes the pipe and reader wake-up (an upper bound).
 */
final class NeighbourMonitor implements AutoCloseable {
  /** Sync marker: a documentation address no test uses, with a locally administered MAC. */
  private static final String MARKER_IP = "10.99.0.249";
  private static final String MARKER_MAC = "02:00:5e:00:53:f9";

  /** One line of monitor output and when we read it. */
  record Line(long nanos, String text) {}

  private final Topology topology;
  private final String role;
  private final Process process;
  private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();

  private NeighbourMonitor(Topology topology, String role, Process process) {
    this.topology = topology;
    this.role = role;
    this.process = process;
    Thread reader = new Thread(this::read, "ip-monitor-neigh-" + role);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts the monitor and returns once it is subscribed: ip prints nothing when ready, so we add a
   * permanent marker entry and wait until the monitor reports it.
   */
  static NeighbourMonitor start(Topology t, String role) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ip", "-n", t.ns(role), "monitor", "neigh")
        .redirectErrorStream(true)
        .start();
    NeighbourMonitor m = new NeighbourMonitor(t, role, p);
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (true) {
        t.ip(role, "neigh", "replace", MARKER_IP, "lladdr", MARKER_MAC, "dev", "eth0", "nud", "permanent");
        if (m.poll(l -> l.startsWith(MARKER_IP + " ") && l.contains(MARKER_MAC), Duration.ofMillis(200)) != null) {
          return m;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("ip monitor neigh in " + t.ns(role) + " never reported the marker entry");
        }
        t.ip(role, "neigh", "del", MARKER_IP, "dev", "eth0");
      }
    } catch (RuntimeException | InterruptedException e) {
      m.close();
      throw e;
    }
  }

  private void read() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        lines.add(new Line(System.nanoTime(), l.strip()));
      }
    } catch (IOException closed) {
      // the process was stopped
    }
  }

  /** The next line matching {@code wanted} within {@code timeout} (others are dropped), or null. */
  Line poll(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Line l = lines.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (l == null) {
        return null;
      }
      if (wanted.test(l.text())) {
        return l;
      }
    }
  }

  @Override
  public void close() {
    process.destroy();
    topology.exec(role, "ip", "neigh", "del", MARKER_IP, "dev", "eth0");
  }
}
