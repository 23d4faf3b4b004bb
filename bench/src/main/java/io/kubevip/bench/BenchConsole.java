// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What the lab benches share around their measurements: progress lines on stderr (stdout carries only the JSON
 * summary), the load average every figure is read against, the namespace list the shell trap deletes, and a
 * teardown that runs every step even when one fails.
 */
public final class BenchConsole {
  private BenchConsole() {}

  /** One lab bench: {@link #run} returns the JSON summary line; {@link #teardown} may be called more than once. */
  public interface Bench {
    String run();

    void teardown();
  }

  /**
   * A bench's {@code main}: bad options exit 2 with the usage, the teardown runs after the run and also on Ctrl-C (a
   * shutdown hook), the JSON line goes to stdout, a failed run exits 1.
   */
  public static <O> void main(String name, String[] args, Function<String[], O> parse, String usage,
      Function<O, Bench> create) {
    O options;
    try {
      options = parse.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(name + ": " + e.getMessage());
      System.err.println(usage);
      System.exit(2);
      return;
    }
    Bench bench = create.apply(options);
    Runtime.getRuntime().addShutdownHook(new Thread(bench::teardown, name.replace(' ', '-') + "-teardown"));
    int code = 0;
    try {
      System.out.println(bench.run());
    } catch (RuntimeException e) {
      System.err.println(name + ": " + e.getMessage());
      code = 1;
    } finally {
      bench.teardown();
    }
    System.exit(code);
  }

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
