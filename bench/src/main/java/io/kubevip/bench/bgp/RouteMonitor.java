// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.bgp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived {@code ip -n NS monitor route} in the router's namespace: every route the kernel FIB gains or loses
 * is one event, stamped with {@link System#nanoTime()} when its line arrives. No polling.
 */
final class RouteMonitor implements AutoCloseable {
  /** One FIB change: {@code added} false for "Deleted". */
  record Event(long nanos, boolean added, String destination, String line) {}

  /** A large netlink receive buffer: 10,000 routes arrive in a burst and an overflow loses events. */
  static final int RCVBUF = 64 << 20;

  private final Process process;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;

  RouteMonitor(String namespace) throws IOException {
    process = new ProcessBuilder("ip", "-rcvbuf", Integer.toString(RCVBUF), "-n", namespace, "-4", "monitor",
        "route").redirectErrorStream(true).start();
    reader = new Thread(this::read, "route-monitor");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        long now = System.nanoTime();
        boolean deleted = line.startsWith("Deleted ");
        String rest = deleted ? line.substring(8) : line;
        int sp = rest.indexOf(' ');
        String dst = sp < 0 ? rest : rest.substring(0, sp);
        if (line.contains("proto bird")) {
          events.add(new Event(now, !deleted, dst.endsWith("/32") ? dst.substring(0, dst.length() - 3) : dst,
              line));
        }
      }
    } catch (IOException e) {
      // process ended
    }
  }

  /** The next event, or null after {@code timeoutMillis}. */
  Event next(long timeoutMillis) throws InterruptedException {
    return events.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  void drain() {
    events.clear();
  }

  @Override
  public void close() {
    process.destroy();
  }
}
