// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubevip} without a sub-command: usage and exit 2, like any other usage error. */
@Command(name = "kubevip", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Virtual IPs and LoadBalancer Services for bare-metal Kubernetes (kube-vip compatible).")
final class RootCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec
  private CommandSpec spec;

  RootCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.err());
    return Cli.CONFIG_ERROR;
  }
}
