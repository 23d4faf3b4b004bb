// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Removes what {@code kubevip lab --keep} left behind: only namespaces named like the lab's own. */
@Command(name = "down", description = "Remove the namespaces (and their processes) of a lab run kept with --keep")
final class DownCommand implements Callable<Integer> {
  static final Pattern LAB_NAMESPACE = Pattern.compile("kl[0-9a-f]{4}-[a-z0-9]+");

  @Parameters(arity = "0..1", paramLabel = "RUN", description = "Run id (e.g. kl3fa2); default: every lab run")
  String run;

  @Override
  public Integer call() {
    Root.require();
    if (run != null && !run.matches("kl[0-9a-f]{4}")) {
      throw new IllegalArgumentException("RUN must look like kl3fa2 (as printed by --keep), was '" + run + "'");
    }
    List<String> ours = new ArrayList<>();
    for (String line : Exec.run("ip", "netns", "list").requireSuccess().stdout().split("\n")) {
      String name = line.strip().split("\\s+")[0];
      if (LAB_NAMESPACE.matcher(name).matches() && (run == null || name.startsWith(run + "-"))) {
        ours.add(name);
      }
    }
    for (String ns : ours) {
      for (String pid : Exec.run("ip", "netns", "pids", ns).stdout().strip().split("\\s+")) {
        if (!pid.isEmpty()) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    }
    for (String ns : ours) {
      Exec.run("ip", "netns", "del", ns);
    }
    System.out.println(ours.isEmpty() ? "no lab namespaces found" : "removed " + String.join(" ", ours));
    return 0;
  }
}
