// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import io.kubevip.app.BuildInfo;
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
    BuildInfo info = BuildInfo.load();
    context.out().println("kubevip " + info.version() + " (build " + info.build() + ")");
    context.out().println("configuration compatible with kube-vip v1.2.3");
    return 0;
  }
}
