// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app;

import io.kubevip.app.boot.SpringManagerLauncher;
import io.kubevip.app.cli.Cli;
import io.kubevip.app.cli.CliContext;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.app.config.PropertyFiles;
import java.nio.file.Path;

/** Entry point of the executable jar: {@code kubevip manager|config|version}. */
public final class KubevipMain {
  private KubevipMain() {}

  public static void main(String[] args) {
    CliContext context = new CliContext(System.getenv(),
        PropertyFiles.load(Path.of(""), KubevipMain.class.getClassLoader(), System.getProperties()),
        FeatureAvailability.current(), new SpringManagerLauncher(), System.out, System.err);
    int code = new Cli(context).run(args);
    if (code != Cli.RUNNING) {
      System.exit(code);
    }
  }
}
