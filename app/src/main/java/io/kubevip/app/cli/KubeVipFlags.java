// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import io.kubevip.app.config.Setting;
import io.kubevip.app.config.SettingsTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * kube-vip's manager flags, generated from {@link SettingsTable} so no flag can be forgotten. Values stay text: the
 * validator checks them together with env and file values and reports every problem at once.
 */
final class KubeVipFlags {
  private KubeVipFlags() {}

  static void addTo(CommandSpec spec) {
    for (Setting s : SettingsTable.ALL) {
      Stream.concat(Stream.ofNullable(s.flag()), s.flagAliases().stream()).forEach(flag -> {
        boolean bool = s.type().isBoolean();
        OptionSpec.Builder b = OptionSpec.builder(flag).type(String.class).paramLabel(bool ? "<bool>" : "<value>")
            .description(s.description() + (s.env() == null ? "" : " (env " + s.env() + ")"));
        if (bool) {
          b.arity("0..1").fallbackValue("true");
        } else {
          b.arity("1");
        }
        spec.addOption(b.build());
      });
    }
  }

  /** The table flags the user gave, keyed by the name as written, e.g. {@code --vip} or {@code -n}. */
  static Map<String, String> given(ParseResult result) {
    Map<String, String> out = new LinkedHashMap<>();
    for (OptionSpec o : result.matchedOptions()) {
      String name = o.names()[0];
      if (SettingsTable.byFlag(name).isPresent()) {
        Object v = o.getValue();
        out.put(name, v == null ? "" : v.toString());
      }
    }
    return out;
  }
}
