// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import io.kubevip.app.config.ResolvedValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kubevip config}: the effective configuration, every setting with value and origin, secrets redacted.
 * Starts neither Spring nor any network code, so it is safe to run anywhere. Exit 0 even when the manager would
 * refuse the configuration; those problems are listed on stderr.
 */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    abbreviateSynopsis = true,
    description = "Print the effective configuration and where each value came from.")
final class ConfigCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec
  private CommandSpec spec;
  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  ConfigCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Effective e = Effective.of(context, spec);
    if (json) {
      context.out().println(ConfigJson.render(e));
    } else {
      printTable(e);
      e.printWarnings(context);
      if (!e.problems().isEmpty()) {
        context.err().println("the manager would refuse this configuration (" + e.problems().size() + "):");
        e.problems().forEach(p -> context.err().println(p));
      }
    }
    return 0;
  }

  private void printTable(Effective e) {
    String format = "%-44s %-28s %s%n";
    context.out().printf(format, "SETTING", "VALUE", "ORIGIN");
    for (ResolvedValue v : e.resolution().config().values()) {
      context.out().printf(format, v.setting().name(), v.displayValue(), origin(v));
    }
  }

  static String origin(ResolvedValue v) {
    boolean plain = v.location() == null && v.writtenAs().equals(v.setting().name());
    return plain ? v.origin().label() : v.origin().label() + " " + v.where();
  }
}
