// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import picocli.CommandLine;

/**
 * The {@code kubevip} command line: {@code manager}, {@code config}, {@code manifest}, {@code version}. Exit codes: 0 done, 2 usage or
 * configuration error (nothing started), 1 start-up failure after validation.
 */
public final class Cli {
  /** Returned by {@link #run} when the manager daemon was started and the JVM must keep running. */
  public static final int RUNNING = -1;
  public static final int CONFIG_ERROR = 2;

  private final CliContext context;

  public Cli(CliContext context) {
    this.context = context;
  }

  public int run(String... args) {
    CommandLine root = new CommandLine(new RootCommand(context));
    CommandLine manager = new CommandLine(new ManagerCommand(context));
    CommandLine config = new CommandLine(new ConfigCommand(context));
    KubeVipFlags.addTo(manager.getCommandSpec());
    KubeVipFlags.addTo(config.getCommandSpec());
    CommandLine manifest = new CommandLine(new ManifestCommand(context));
    KubeVipFlags.addTo(manifest.getCommandSpec());
    root.addSubcommand("manager", manager);
    root.addSubcommand("config", config);
    root.addSubcommand("manifest", manifest);
    root.addSubcommand("version", new CommandLine(new VersionCommand(context)));
    root.setOut(new java.io.PrintWriter(context.out(), true));
    root.setErr(new java.io.PrintWriter(context.err(), true));
    return root.execute(args);
  }
}
