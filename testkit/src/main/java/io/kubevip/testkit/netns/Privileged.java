// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Privileged tests skip with a one-line reason when not root, except when
 * {@code KUBEVIP_REQUIRE_PRIVILEGED=1}, where a CI job that must run them fails instead.
 */
public final class Privileged {
  public static final String REQUIRE_ENV = "KUBEVIP_REQUIRE_PRIVILEGED";

  private Privileged() {}

  /** Skips (or fails, see class doc) unless running as root with iproute2 available. */
  public static void assume() {
    assume(missingReason(), System.getenv(REQUIRE_ENV));
  }

  /** Skips when {@code reason} is non-null, or fails if {@code requireEnv} is "1". */
  static void assume(String reason, String requireEnv) {
    if (reason == null) {
      return;
    }
    if ("1".equals(requireEnv)) {
      throw new AssertionError(reason + " (" + REQUIRE_ENV + "=1, so this fails instead of skipping)");
    }
    Assumptions.abort(reason);
  }

  /** Null when privileged tests can run, else why not. */
  static String missingReason() {
    if (!isRoot()) {
      return "needs root (CAP_NET_ADMIN, CAP_NET_RAW, CAP_SYS_ADMIN) to create network namespaces";
    }
    try {
      if (Shell.run("ip", "-V").exitCode() != 0) {
        return "needs iproute2 ('ip') on the PATH";
      }
    } catch (IllegalStateException e) {
      return "needs iproute2 ('ip') on the PATH";
    }
    return null;
  }

  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
