// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.util.List;
import java.util.Map;

/** Test helper: resolve a configuration from env, flags and properties only (no files, no real environment). */
public final class Configs {
  private Configs() {}

  public static Resolution resolve(Map<String, String> env) {
    return resolve(env, Map.of(), List.of());
  }

  public static Resolution resolve(Map<String, String> env, Map<String, String> flags, List<PropertyEntry> props) {
    return ConfigResolver.resolve(new ConfigInputs(env, flags, props));
  }

  public static EffectiveConfig config(Map<String, String> env) {
    return resolve(env).config();
  }
}
