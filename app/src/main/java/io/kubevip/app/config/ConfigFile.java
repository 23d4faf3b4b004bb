// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * kube-vip's {@code --config-file}: a flat YAML or JSON object (JSON is YAML) whose keys are env names
 * ({@code vip_arp}) or flag names without dashes ({@code arp}). Lists become comma lists, so {@code bgp_peers} may
 * be written as a YAML list.
 */
final class ConfigFile {
  private ConfigFile() {}

  /**
   * @return key as written → value text, in file order
   * @throws IOException when unreadable
   * @throws IllegalArgumentException when not a flat map (message says what was expected)
   */
  static Map<String, String> read(Path path) throws IOException {
    Object doc;
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("is not valid YAML or JSON: " + firstLine(e.getMessage()));
    }
    if (doc == null) {
      return Map.of();
    }
    if (!(doc instanceof Map)) {
      throw new IllegalArgumentException("is not a YAML/JSON object; expected key: value lines such as vip_arp: true");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) doc).entrySet()) {
      String key = String.valueOf(e.getKey());
      Object v = e.getValue();
      if (v instanceof Map) {
        throw new IllegalArgumentException("has a nested object under '" + key
            + "'; expected flat keys (env or flag names) such as vip_arp: true");
      }
      out.put(key, v instanceof List ? ((List<?>) v).stream().map(String::valueOf).collect(Collectors.joining(","))
          : v == null ? "" : String.valueOf(v));
    }
    return out;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
