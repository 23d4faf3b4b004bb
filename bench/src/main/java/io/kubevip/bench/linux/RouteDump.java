// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.linux;

import io.kubevip.linux.NetNamespace;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.model.Route;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A netlink route dump at the size a busy route-table mode holds: {@code count} /32 routes in table 198
 * with protocol 248, installed through {@link Netlink#addRoute}, then {@link Netlink#routes(int)}
 * timed on one open socket (the dump covers every table; the filter is ours, as in ip). The thread's
 * CPU time (user + kernel) per dump is kept too: a wall-clock tail far above it is time spent waiting
 * for a CPU, not work.
 */
final class RouteDump {
  static final int TABLE = 198;
  static final int PROTOCOL = 248;

  /** Install time for all routes and the dump samples. */
  record Result(long installNanos, Samples dump, Samples dumpCpu, GcActivity gc) {}

  private RouteDump() {}

  static Result measure(NetNamespace node, int count, int warmup, int runs) {
    if (count < 1 || count > 250 * 250) {
      throw new IllegalArgumentException("--routes must be 1..62500, was " + count);
    }
    return node.call(() -> {
      try (Netlink nl = Netlink.open()) {
        int eth0 = nl.link("eth0").index();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
          nl.addRoute(Route.to("10.200." + (i / 250) + "." + (i % 250 + 1) + "/32").inTable(TABLE)
              .withProtocol(PROTOCOL).withOutputLink(eth0).withScope(Route.RT_SCOPE_LINK));
        }
        long installNanos = System.nanoTime() - start;
        Samples dump = new Samples();
        Samples dumpCpu = new Samples();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        GcActivity gcStart = null;
        for (int i = 0; i < warmup + runs; i++) {
          if (i == warmup) {
            gcStart = GcActivity.now();
          }
          long cpu0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          int n = nl.routes(TABLE).size();
          long took = System.nanoTime() - t0;
          long cpu = threads.getCurrentThreadCpuTime() - cpu0;
          if (n != count) {
            throw new IllegalStateException("dump of table " + TABLE + " returned " + n + " routes, expected " + count);
          }
          if (i >= warmup) {
            dump.add(took);
            dumpCpu.add(cpu);
          }
        }
        return new Result(installNanos, dump, dumpCpu, GcActivity.now().since(gcStart));
      }
    });
  }
}
