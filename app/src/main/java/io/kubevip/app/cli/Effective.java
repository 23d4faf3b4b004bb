// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import io.kubevip.app.config.ConfigInputs;
import io.kubevip.app.config.ConfigResolver;
import io.kubevip.app.config.ConfigValidator;
import io.kubevip.app.config.Problem;
import io.kubevip.app.config.Resolution;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Resolution plus validation as {@code manager} and {@code config} both need it.
 *
 * @param resolution resolved configuration with input problems and warnings
 * @param problems input problems followed by validation problems
 */
record Effective(Resolution resolution, List<Problem> problems) {

  static Effective of(CliContext context, CommandSpec spec) {
    ConfigInputs inputs = new ConfigInputs(context.env(), KubeVipFlags.given(spec.commandLine().getParseResult()),
        context.properties());
    Resolution r = ConfigResolver.resolve(inputs);
    List<Problem> problems = new ArrayList<>(r.problems());
    problems.addAll(ConfigValidator.validate(r.config(), context.features()));
    return new Effective(r, problems);
  }

  void printWarnings(CliContext context) {
    resolution.warnings().forEach(w -> context.err().println("warning: " + w));
  }
}
