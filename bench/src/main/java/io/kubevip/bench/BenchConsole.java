// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the lab benches share around their measurements: progress lines on stderr (stdout carries only the JSON
 * summary), the load average every figure is read against, the namespace list the shell trap deletes, and a
 * teardown that runs every step even when one fails.
 */
public final class BenchConsole {
  private BenchConsole() {}

  /** One timestamped progress line on stderr. */
  public static void progress(String line) {
    System.err.println("[" + java.time.LocalTime.now().withNano(0) + "] " + line);
  }

  /** The 1, 5 and 15 minute load averages, or {@code unknown}. */
  public static String loadavg() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Writes {@code namespaces} to {@code file} (the script's trap deletes exactly these); nothing when it is null. */
  public static void writeNamespaces(Path file, List<String> namespaces) {
    if (file == null) {
      return;
    }
    try {
      Files.write(file, namespaces);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Closes every non-null part in order; a failing step is reported and the others still run. */
  public static void closeAll(String bench, List<? extends AutoCloseable> parts) {
    for (AutoCloseable part : parts) {
      if (part == null) {
        continue;
      }
      try {
        part.close();
      } catch (Exception e) {
        System.err.println(bench + ": teardown step failed: " + e.getMessage());
      }
    }
  }
}
