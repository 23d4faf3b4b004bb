// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.util.List;

/**
 * Result of resolving the inputs: the effective configuration plus input problems (unreadable config file, unknown
 * keys) and warnings (unknown kube-vip-style env variables, deprecated names).
 *
 * @param config every setting with value and origin
 * @param problems input problems that must stop the manager
 * @param warnings things worth telling, never fatal
 */
public record Resolution(EffectiveConfig config, List<Problem> problems, List<String> warnings) {
  public Resolution {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }
}
