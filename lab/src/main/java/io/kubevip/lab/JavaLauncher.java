// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a JVM child: the lab starts the API server from its own jar (or, under a test runner, its own
 * class path) and the managers from kubevip.jar, always with the JVM that runs the lab.
 */
public final class JavaLauncher {
  /** Small heaps and a quick JIT: up to ten JVMs share a small machine, and start-up time is not measured. */
  static final List<String> CHILD_JVM_OPTIONS =
      List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

  private JavaLauncher() {}

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The argv that runs {@code io.kubevip.lab.LabMain args...} in a new JVM: from the jar we run from, or the one
   * named by the system property {@code kubevip.lab.jar} (tests, whose class path is a runner's).
   */
  public static List<String> thisProgram(List<String> args) {
    return thisProgram(List.of(), args);
  }

  /** As {@link #thisProgram(List)}, with {@code jvmOptions} after the child options (later options win). */
  public static List<String> thisProgram(List<String> jvmOptions, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(java()));
    cmd.addAll(CHILD_JVM_OPTIONS);
    cmd.addAll(jvmOptions);
    String cp = System.getProperty("java.class.path");
    String labJar = System.getProperty("kubevip.lab.jar");
    if (labJar != null && !labJar.isBlank()) {
      cmd.addAll(List.of("-jar", labJar));
    } else if (cp.endsWith(".jar") && !cp.contains(java.io.File.pathSeparator)) {
      cmd.addAll(List.of("-jar", cp));
    } else {
      cmd.addAll(List.of("-cp", cp, LabMain.class.getName()));
    }
    cmd.addAll(args);
    return cmd;
  }

  /** The argv that runs {@code kubevip.jar args...}. */
  public static List<String> kubevip(Path jar, List<String> jvmOptions, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED"));
    cmd.addAll(CHILD_JVM_OPTIONS);
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-jar", jar.toString()));
    cmd.addAll(args);
    return cmd;
  }
}
