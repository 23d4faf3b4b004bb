// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.linux;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Collections and their accumulated time since a starting point: a max latency that equals a GC pause
 * is the JVM's, not the kernel's, and the summary should let a reader tell them apart.
 */
record GcActivity(long count, long millis) {
  static GcActivity now() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new GcActivity(count, millis);
  }

  GcActivity since(GcActivity start) {
    return new GcActivity(count - start.count, millis - start.millis);
  }

  String json() {
    return String.format(Locale.ROOT, "\"gc_count\":%d,\"gc_ms\":%d", count, millis);
  }
}
