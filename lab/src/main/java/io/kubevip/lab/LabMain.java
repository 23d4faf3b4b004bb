// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import picocli.CommandLine;

/** Entry point of kubevip-lab.jar; {@code ./kubevip lab ...} lands here. */
public final class LabMain {
  private LabMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Parses and runs; returns the exit code (2 for bad usage, with a one-line reason). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new LabCommand())
        .addSubcommand(new DownCommand())
        .addSubcommand(new ApiServerCommand())
        .addSubcommand(new LeaseCheckCommand());
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("kubevip lab: " + ex.getMessage());
      ex.getCommandLine().getErr().println("try: kubevip lab --help");
      return 2;
    });
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (shuttingDown()) {
        // Ctrl-C or SIGTERM while building: the teardown hook pulled the lab from under the step that failed
        cmd.getErr().println("kubevip lab: stopped; namespaces and processes removed");
        return 130;
      }
      if (ex instanceof LabException || ex instanceof IllegalArgumentException) {
        cmd.getErr().println("kubevip lab: " + ex.getMessage());
        return ex instanceof IllegalArgumentException ? 2 : 1;
      }
      throw ex;
    });
    return cli.execute(args);
  }

  /** True once the JVM runs its shutdown hooks (a hook can then no longer be added). */
  static boolean shuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
