// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import io.kubevip.app.config.DataPlaneMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kubevip manager}: the daemon. Resolves and validates first and starts nothing at all unless the whole
 * configuration is valid (exit 2 with one line per problem).
 */
@Command(name = "manager", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    abbreviateSynopsis = true,
    description = "Run the manager (env variables and kube-vip flags as in kube-vip).")
final class ManagerCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec
  private CommandSpec spec;

  ManagerCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Effective e = Effective.of(context, spec);
    e.printWarnings(context);
    if (!e.problems().isEmpty()) {
      context.err().println("kubevip manager: invalid configuration, nothing started (" + e.problems().size()
          + (e.problems().size() == 1 ? " problem):" : " problems):"));
      e.problems().forEach(p -> context.err().println(p));
      return Cli.CONFIG_ERROR;
    }
    DataPlaneMode mode = DataPlaneMode.of(e.resolution().config());
    return context.launcher().launch(e.resolution().config(), mode, context.features());
  }
}
