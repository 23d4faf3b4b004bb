// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every setting of the table with its winning value and origin; immutable. */
public final class EffectiveConfig {
  private final Map<Setting, ResolvedValue> values;

  EffectiveConfig(Map<Setting, ResolvedValue> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public ResolvedValue get(Setting setting) {
    ResolvedValue v = values.get(setting);
    if (v == null) {
      throw new IllegalArgumentException("not a setting of the table: " + setting.property());
    }
    return v;
  }

  /** In table order. */
  public Collection<ResolvedValue> values() {
    return values.values();
  }

  /** The canonical text of a set and valid value; empty when unset or invalid. */
  public Optional<String> normalized(Setting setting) {
    ResolvedValue v = get(setting);
    if (!v.isSet()) {
      return Optional.empty();
    }
    try {
      return Optional.of(setting.type().normalize(v.value(), v.origin()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** True only for a valid boolean true. */
  public boolean isTrue(Setting setting) {
    return normalized(setting).map("true"::equals).orElse(false);
  }
}
