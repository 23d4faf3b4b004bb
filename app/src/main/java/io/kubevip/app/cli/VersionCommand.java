// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kubevip version}. */
@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Callable<Integer> {
  private final CliContext context;

  VersionCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    for (String line : new VersionProvider().getVersion()) {
      context.out().println(line);
    }
    return 0;
  }
}
