// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.linux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A cross-check of our user-space receive stamp: tcpdump in the client namespace, whose per-packet
 * times are the kernel's CLOCK_REALTIME receive stamps (nanosecond precision), so they exclude the
 * wake-up of any reader. Compared against {@link #realtimeNanos()} taken by the sender.
 */
final class WireCapture implements AutoCloseable {
  private final Process process;
  private final List<Long> stamps = new ArrayList<>();
  private final CountDownLatch listening = new CountDownLatch(1);

  private WireCapture(Process process) {
    this.process = process;
    daemon("tcpdump-stdout", this::readStamps);
    daemon("tcpdump-stderr", this::awaitListening);
  }

  /** {@code ip netns exec $ns tcpdump -i eth0 ... arp and host $ip}; returns once tcpdump listens. */
  static WireCapture start(String namespace, String ip) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ip", "netns", "exec", namespace, "tcpdump", "-i", "eth0", "-nn", "-l",
        "--immediate-mode", "-tt", "--time-stamp-precision=nano", "arp and host " + ip).start();
    WireCapture c = new WireCapture(p);
    if (!c.listening.await(10, TimeUnit.SECONDS)) {
      c.close();
      throw new IllegalStateException("tcpdump in " + namespace + " did not start listening within 10 s");
    }
    return c;
  }

  /** CLOCK_REALTIME now, in nanoseconds since the epoch (the clock tcpdump stamps with). */
  static long realtimeNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** The stamps captured so far, waiting up to {@code timeout} for at least {@code expected}. */
  List<Long> stamps(int expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (stamps) {
      while (stamps.size() < expected && System.nanoTime() < deadline) {
        stamps.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      }
      return List.copyOf(stamps);
    }
  }

  private void readStamps() {
    try (BufferedReader r = reader(process.getInputStream())) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        // "1764134425.123456789 ARP, Request who-has 10.99.0.200 tell 10.99.0.200, length 28"
        int space = l.indexOf(' ');
        int dot = l.indexOf('.');
        if (l.isBlank()) {
          continue;
        }
        if (!(space > dot && dot > 0)) {
          System.err.println("tcpdump line not understood: " + l);
        } else {
          long ns = Long.parseLong(l.substring(0, dot)) * 1_000_000_000L + Long.parseLong(l.substring(dot + 1, space));
          synchronized (stamps) {
            stamps.add(ns);
            stamps.notifyAll();
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      // stopped, or a line we do not understand: the count check in the caller reports it
    }
  }

  private void awaitListening() {
    try (BufferedReader r = reader(process.getErrorStream())) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (l.contains("listening on")) {
          listening.countDown();
        } else if (l.contains("dropped") || l.contains("captured") || l.contains("received")) {
          System.err.println("tcpdump: " + l);
        }
      }
    } catch (IOException stopped) {
      // process ended
    }
  }

  private static BufferedReader reader(java.io.InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static void daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    process.destroy();
  }
}
