// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resolves every setting of {@link SettingsTable} with kube-vip's precedence: environment over flags over the
 * config file, then (our addition) {@code kubevip.*} properties, then defaults. Pure: no I/O except reading the
 * config file named by {@code config_file}.
 */
public final class ConfigResolver {
  private static final List<String> CHECKED_ENV_PREFIXES = List.of("vip_", "bgp_", "svc_", "cp_", "kubevip_");

  private ConfigResolver() {}

  public static Resolution resolve(ConfigInputs in) {
    List<Problem> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    warnUnknownEnv(in.env(), warnings);
    Map<String, String> fileEntries = new LinkedHashMap<>();
    String fileLocation = null;
    ResolvedValue configFile = resolveOne(SettingsTable.CONFIG_FILE, in, Map.of(), null, warnings);
    if (configFile.isSet()) {
      fileLocation = configFile.value().trim();
      try {
        fileEntries.putAll(ConfigFile.read(Path.of(fileLocation)));
      } catch (NoSuchFileException e) {
        problems.add(Problem.of(configFile, "cannot be read: no such file; expected a YAML or JSON file"));
      } catch (IOException e) {
        problems.add(Problem.of(configFile, "cannot be read: " + e.getMessage()));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of(configFile, e.getMessage()));
      }
      checkFileKeys(fileEntries, fileLocation, problems);
    }
    checkPropertyKeys(in.properties(), warnings);
    Map<Setting, ResolvedValue> values = new LinkedHashMap<>();
    for (Setting s : SettingsTable.ALL) {
      values.put(s, s == SettingsTable.CONFIG_FILE ? configFile : resolveOne(s, in, fileEntries, fileLocation, warnings));
    }
    EffectiveConfig config = new EffectiveConfig(values);
    ArpRate.fallbackWarning(config).ifPresent(warnings::add);
    return new Resolution(config, problems, warnings);
  }

  private static ResolvedValue resolveOne(Setting s, ConfigInputs in, Map<String, String> file, String fileLocation,
      List<String> warnings) {
    Optional<ResolvedValue> env = fromEnv(s, in.env(), warnings);
    if (env.isPresent()) {
      return env.get();
    }
    for (String flag : flagNames(s)) {
      if (in.flags().containsKey(flag)) {
        return new ResolvedValue(s, in.flags().get(flag), Origin.FLAG, flag, null);
      }
    }
    for (String key : fileKeys(s)) {
      String v = file.get(key);
      if (v != null && !v.isEmpty()) {
        return new ResolvedValue(s, v, Origin.CONFIG_FILE, key, fileLocation);
      }
    }
    for (PropertyEntry p : in.properties()) {
      if (p.canonicalKey().equals(s.property()) && !p.value().isEmpty()) {
        return new ResolvedValue(s, p.value(), Origin.PROPERTY, p.key(), p.location());
      }
    }
    return new ResolvedValue(s, s.defaultValue(), Origin.DEFAULT, s.name(), null);
  }

  private static Optional<ResolvedValue> fromEnv(Setting s, Map<String, String> env, List<String> warnings) {
    ResolvedValue primary = null;
    if (s.env() != null && notEmpty(env.get(s.env()))) {
      primary = new ResolvedValue(s, env.get(s.env()), Origin.ENV, s.env(), null);
    }
    for (String alias : s.envAliases()) {
      if (notEmpty(env.get(alias))) {
        if (primary != null) {
          warnings.add("environment variable '" + alias + "' is ignored because '" + s.env() + "' is set");
        } else {
          warnings.add("environment variable '" + alias + "' is deprecated; use '" + s.name() + "'");
          primary = new ResolvedValue(s, env.get(alias), Origin.ENV, alias, null);
        }
      }
    }
    return Optional.ofNullable(primary);
  }

  // kube-vip ignores empty variables (`if env != ""`), so do we.
  private static boolean notEmpty(String v) {
    return v != null && !v.isEmpty();
  }

  private static List<String> flagNames(Setting s) {
    return Stream.concat(Stream.ofNullable(s.flag()), s.flagAliases().stream()).toList();
  }

  private static List<String> fileKeys(Setting s) {
    return Stream.concat(Stream.concat(Stream.ofNullable(s.env()), s.envAliases().stream()),
        flagNames(s).stream().map(f -> f.replaceFirst("^-+", ""))).toList();
  }

  private static void warnUnknownEnv(Map<String, String> env, List<String> warnings) {
    List<String> known = SettingsTable.ALL.stream()
        .flatMap(s -> Stream.concat(Stream.ofNullable(s.env()), s.envAliases().stream())).toList();
    env.keySet().stream().sorted()
        .filter(name -> CHECKED_ENV_PREFIXES.stream().anyMatch(name::startsWith))
        .filter(name -> !known.contains(name))
        .forEach(name -> warnings.add("unknown environment variable '" + name + "' is ignored"
            + Suggestions.didYouMean(name, known)));
  }

  private static void checkFileKeys(Map<String, String> file, String location, List<Problem> problems) {
    List<String> known = SettingsTable.ALL.stream().flatMap(s -> fileKeys(s).stream()).toList();
    for (String key : file.keySet()) {
      if (key.equals("config_file") || key.equals("config-file")) {
        problems.add(new Problem(key + " (in " + location + ")", null,
            "cannot be set inside the config file; expected it as env config_file or flag --config-file"));
      } else if (!known.contains(key)) {
        problems.add(new Problem(key + " (in " + location + ")", null,
            "is not a known setting; expected an env name (vip_arp) or flag name (arp)"
                + Suggestions.didYouMean(key, known)));
      }
    }
  }

  private static void checkPropertyKeys(List<PropertyEntry> properties, List<String> warnings) {
    List<String> known = SettingsTable.ALL.stream().map(Setting::property).toList();
    for (PropertyEntry p : properties) {
      if (!known.contains(p.canonicalKey())) {
        warnings.add("unknown property '" + p.key() + "' (in " + p.location() + ") is ignored"
            + Suggestions.didYouMean(p.canonicalKey(), known));
      }
    }
  }
}
