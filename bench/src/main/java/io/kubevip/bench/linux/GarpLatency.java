// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.linux;

import io.kubevip.linux.ArpReceiver;
import io.kubevip.linux.ArpSender;
import io.kubevip.linux.ArpSender.GarpForm;
import io.kubevip.linux.NetNamespace;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.Netlink.Change;
import io.kubevip.linux.model.Addr;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Address add + first GARP on the wire: from just before {@code Netlink.addAddress} on n1's eth0 until
 * our {@link ArpReceiver} in the client namespace returns the gratuitous ARP for the VIP. Both ends are
 * {@link System#nanoTime()} in one JVM, so no clock sync is needed; the receive stamp is taken in user
 * space after recvfrom returns, so each figure includes the receiver thread's wake-up (an upper bound).
 * The address is deleted again between runs; sockets are opened once, as a long-running agent would.
 */
final class GarpLatency {
  static final String VIP = "10.99.0.200";
  private static final Duration WAIT = Duration.ofSeconds(1);

  /** All figures of one run. */
  record Result(Samples wire, Samples addCall, int lost, GcActivity gc, Samples kernelStamp) {}

  private GarpLatency() {}

  /**
   * @param capture optional tcpdump in the client namespace (null: none); when given, {@link
   *     Result#kernelStamp()} holds the same latency measured to the kernel's receive stamp
   */
  static Result measure(NetNamespace node, NetNamespace client, int warmup, int runs, WireCapture capture) {
    Inet4Address vip = ipv4(VIP);
    Addr addr = Addr.parse(VIP + "/32");
    BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
    try (ArpReceiver receiver = client.call(() -> ArpReceiver.open("eth0"))) {
      Thread listener = startListener(receiver, vip, seen);
      try {
        return node.call(() -> {
          try (Netlink nl = Netlink.open(); ArpSender arp = ArpSender.open("eth0")) {
            Samples wire = new Samples();
            Samples addCall = new Samples();
            int lost = 0;
            GcActivity gcStart = null;
            long[] realStart = new long[warmup + runs];
            for (int i = 0; i < warmup + runs; i++) {
              if (i == warmup) {
                gcStart = GcActivity.now();
              }
              seen.clear();
              realStart[i] = WireCapture.realtimeNanos();
              long start = System.nanoTime();
              require(nl.addAddress("eth0", addr), Change.ADDED, "add");
              long added = System.nanoTime();
              arp.send(vip, GarpForm.REQUEST);
              Long at = seen.poll(WAIT.toNanos(), TimeUnit.NANOSECONDS);
              require(nl.deleteAddress("eth0", addr), Change.REMOVED, "delete");
              if (i < warmup) {
                continue;
              }
              if (at == null) {
                lost++;
              } else {
                wire.add(at - start);
                addCall.add(added - start);
              }
            }
            GcActivity gc = GcActivity.now().since(gcStart);
            return new Result(wire, addCall, lost, gc, kernelStamps(capture, realStart, warmup));
          }
        });
      } finally {
        stop(listener);
      }
    }
  }

  /** Capture stamp minus sender start for each measured run that has one; null without any. */
  private static Samples kernelStamps(WireCapture capture, long[] realStart, int warmup)
      throws InterruptedException {
    if (capture == null) {
      return null;
    }
    List<Long> stamps = capture.stamps(realStart.length, Duration.ofSeconds(3));
    // frames are identical, so pair each run with the first stamp between its start and the next run's
    Samples s = new Samples();
    int j = 0;
    for (int i = 0; i < realStart.length; i++) {
      while (j < stamps.size() && stamps.get(j) < realStart[i]) {
        j++;
      }
      long next = i + 1 < realStart.length ? realStart[i + 1] : Long.MAX_VALUE;
      if (j < stamps.size() && stamps.get(j) < next && i >= warmup) {
        s.add(stamps.get(j) - realStart[i]);
      }
    }
    if (s.size() < realStart.length - warmup) {
      System.err.println("tcpdump saw " + stamps.size() + " frames for " + realStart.length + " runs; "
          + s.size() + " of " + (realStart.length - warmup) + " measured runs have a kernel stamp");
    }
    return s.size() == 0 ? null : s;
  }

  /** Queues the receive time of every gratuitous ARP for {@code vip}; stops when interrupted. */
  private static Thread startListener(ArpReceiver receiver, Inet4Address vip, BlockingQueue<Long> seen) {
    Thread t = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        receiver.receive(Duration.ofMillis(100)).ifPresent(r -> {
          long now = System.nanoTime();
          if (r.packet().isGratuitous() && r.packet().senderIp().equals(vip)) {
            seen.add(now);
          }
        });
      }
    }, "garp-listener");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Stops the listener before its socket is closed, so no recvfrom runs on a closed descriptor. */
  private static void stop(Thread listener) {
    listener.interrupt();
    try {
      listener.join(Duration.ofSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void require(Change actual, Change expected, String what) {
    if (actual != expected) {
      throw new IllegalStateException(what + " of " + VIP + " returned " + actual + ", expected " + expected);
    }
  }

  private static Inet4Address ipv4(String literal) {
    try {
      return (Inet4Address) InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
