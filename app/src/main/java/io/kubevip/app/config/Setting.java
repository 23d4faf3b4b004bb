// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One row of the translation table: the same setting under its kube-vip environment name, its kube-vip flag and its
 * {@code kubevip.*} property. Keeping all three in one row is what lets every input be resolved, validated and
 * documented the same way.
 *
 * @param area group for the documentation
 * @param env kube-vip environment variable, or null where kube-vip has none
 * @param flag kube-vip flag with leading dashes, or null where kube-vip has none
 * @param property kubevip property (canonical kebab-case)
 * @param type parser and normaliser
 * @param defaultValue default as text in kube-vip style, or null for "unset"
 * @param secret value is redacted in output
 * @param description meaning, one sentence
 * @param aliases deprecated environment names and flags that still work (flags start with "--")
 */
public record Setting(String area, String env, String flag, String property, SettingType type, String defaultValue,
    boolean secret, String description, List<String> aliases) {

  public Setting {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(type, "type");
    aliases = List.copyOf(aliases);
  }

  /** The name shown to users: the kube-vip env name where there is one, else the flag, else the property. */
  public String name() {
    if (env != null) {
      return env;
    }
    return flag != null ? flag : property;
  }

  Setting secretValue() {
    return new Setting(area, env, flag, property, type, defaultValue, true, description, aliases);
  }

  Setting alias(String... names) {
    return new Setting(area, env, flag, property, type, defaultValue, secret, description,
        Stream.concat(aliases.stream(), Stream.of(names)).toList());
  }

  /** Deprecated env names. */
  public List<String> envAliases() {
    return aliases.stream().filter(a -> !a.startsWith("-")).toList();
  }

  /** Deprecated flags, with dashes. */
  public List<String> flagAliases() {
    return aliases.stream().filter(a -> a.startsWith("-")).toList();
  }
}
