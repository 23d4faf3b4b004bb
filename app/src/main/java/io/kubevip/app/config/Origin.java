// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

/**
 * Where a resolved value came from, in kube-vip's precedence order (first wins). Kept with every value so
 * {@code kubevip config} and error messages can say which input to fix.
 */
public enum Origin {
  ENV("env"),
  FLAG("flag"),
  CONFIG_FILE("config-file"),
  PROPERTY("property"),
  DEFAULT("default");

  private final String label;

  Origin(String label) {
    this.label = label;
  }

  /** The short name printed by {@code kubevip config}. */
  public String label() {
    return label;
  }

  /** True for the inputs kube-vip itself reads (env, flags, config file): they use kube-vip's units. */
  public boolean kubeVipStyle() {
    return this == ENV || this == FLAG || this == CONFIG_FILE;
  }
}
