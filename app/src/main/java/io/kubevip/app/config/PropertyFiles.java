// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code kubevip.*} properties the way Spring Boot would find them, but without starting Spring, so
 * {@code kubevip config} stays fast and side-effect free. Highest priority first: system properties
 * ({@code -Dkubevip.x=y}), {@code ./config/application.*}, {@code ./application.*}, {@code classpath:config/application.*},
 * {@code classpath:application.*} (yaml, yml, properties).
 */
public final class PropertyFiles {
  private static final String PREFIX = "kubevip.";
  private static final List<String> NAMES = List.of("application.properties", "application.yaml", "application.yml");

  private PropertyFiles() {}

  public static List<PropertyEntry> load(Path workingDir, ClassLoader classLoader, Properties system) {
    List<PropertyEntry> out = new ArrayList<>();
    system.stringPropertyNames().stream().sorted().filter(k -> k.startsWith(PREFIX))
        .forEach(k -> out.add(new PropertyEntry(k, system.getProperty(k), "system property")));
    for (String dir : List.of("config/", "")) {
      for (String name : NAMES) {
        Path p = workingDir.resolve(dir + name);
        if (Files.isRegularFile(p)) {
          try (InputStream in = Files.newInputStream(p)) {
            read(in, name, "./" + dir + name, out);
          } catch (IOException | RuntimeException e) {
            // Spring itself will report an unreadable application file when it starts.
          }
        }
      }
    }
    for (String dir : List.of("config/", "")) {
      for (String name : NAMES) {
        try (InputStream in = classLoader.getResourceAsStream(dir + name)) {
          if (in != null) {
            read(in, name, "classpath:" + dir + name, out);
          }
        } catch (IOException | RuntimeException e) {
          // as above
        }
      }
    }
    return BgpPeerList.fold(out);
  }

  private static void read(InputStream in, String name, String location, List<PropertyEntry> out) throws IOException {
    if (name.endsWith(".properties")) {
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      p.stringPropertyNames().stream().sorted().filter(k -> k.startsWith(PREFIX))
          .forEach(k -> out.add(new PropertyEntry(k, p.getProperty(k), location)));
      return;
    }
    try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(r)) {
        flatten("", doc, location, out);
      }
    }
  }

  private static void flatten(String prefix, Object node, String location, List<PropertyEntry> out) {
    if (node instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
        String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
        flatten(key, e.getValue(), location, out);
      }
    } else if (prefix.startsWith(PREFIX) && node instanceof List<?> l && l.stream().anyMatch(Map.class::isInstance)) {
      out.add(new PropertyEntry(prefix, BgpPeerList.toJson(node), location)); // a list of maps: kubevip.bgp.peers
    } else if (prefix.startsWith(PREFIX) && node != null) {
      String value = node instanceof List ? String.join(",", ((List<?>) node).stream().map(String::valueOf).toList())
          : String.valueOf(node);
      out.add(new PropertyEntry(prefix, value, location));
    }
  }
}
