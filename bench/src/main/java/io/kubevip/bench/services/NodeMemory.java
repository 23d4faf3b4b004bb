// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resident memory of a manager's JVM from {@code /proc/<pid>/status}. The lab starts managers as
 * {@code ip netns exec <ns> java ...}; ip execs java in place, so the started pid normally is the JVM, but the
 * comm is checked (and a java descendant looked for) so that a wrapper is never measured instead.
 */
record NodeMemory(long pid, long rssKib, long hwmKib) {
  static Optional<NodeMemory> of(long startedPid) {
    Optional<Long> java = javaPid(startedPid);
    if (java.isEmpty()) {
      return Optional.empty();
    }
    try {
      long rss = -1;
      long hwm = -1;
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(java.get()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kib(line);
        } else if (line.startsWith("VmHWM:")) {
          hwm = kib(line);
        }
      }
      return Optional.of(new NodeMemory(java.get(), rss, hwm));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> javaPid(long pid) {
    if (isJava(pid)) {
      return Optional.of(pid);
    }
    return ProcessHandle.of(pid).flatMap(h -> h.descendants().map(ProcessHandle::pid).filter(NodeMemory::isJava)
        .findFirst());
  }

  private static boolean isJava(long pid) {
    try {
      return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).strip().equals("java");
    } catch (IOException e) {
      return false;
    }
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }

  String toJson() {
    return "{\"java_pid\":" + pid + ",\"rss_mib\":" + Json.num(rssKib / 1024.0) + ",\"peak_rss_mib\":"
        + Json.num(hwmKib / 1024.0) + "}";
  }
}
