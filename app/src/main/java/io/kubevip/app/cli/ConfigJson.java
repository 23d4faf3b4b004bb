// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import io.kubevip.app.config.Problem;
import io.kubevip.app.config.ResolvedValue;
import java.util.List;
import java.util.stream.Collectors;

/** JSON for {@code kubevip config --json}, written by hand to keep the command free of framework start-up. */
final class ConfigJson {
  private ConfigJson() {}

  static String render(Effective e) {
    String settings = e.resolution().config().values().stream().map(ConfigJson::setting)
        .collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
    return "{\n  \"settings\": " + settings
        + ",\n  \"warnings\": " + array(e.resolution().warnings())
        + ",\n  \"problems\": " + array(e.problems().stream().map(Problem::toString).toList()) + "\n}";
  }

  private static String setting(ResolvedValue v) {
    return "{\"name\": " + str(v.setting().name()) + ", \"env\": " + str(v.setting().env())
        + ", \"flag\": " + str(v.setting().flag()) + ", \"property\": " + str(v.setting().property())
        + ", \"value\": " + str(v.isSet() ? v.displayValue() : null) + ", \"origin\": " + str(v.origin().label())
        + ", \"source\": " + str(v.where()) + ", \"secret\": " + v.setting().secret() + "}";
  }

  private static String array(List<String> items) {
    return items.stream().map(ConfigJson::str).collect(Collectors.joining(", ", "[", "]"));
  }

  static String str(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"':
          b.append("\\\"");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\t':
          b.append("\\t");
          break;
        default:
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
      }
    }
    return b.append('"').toString();
  }
}
