// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.config.DataPlaneMode;
import io.kubevip.app.config.EffectiveConfig;
import io.kubevip.app.config.ResolvedValue;
import io.kubevip.app.config.SettingsTable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the resolved configuration into Spring as the highest-priority property source, so whatever Spring might
 * also read (application files, SPRING_* variables) cannot disagree with what was validated, and activates exactly
 * one mode profile.
 */
public final class ResolvedPropertySource {
  public static final String NAME = "kubevip-resolved";

  private ResolvedPropertySource() {}

  /** Idempotent: installing twice replaces the source. */
  public static void install(ConfigurableEnvironment env, EffectiveConfig config) {
    env.getPropertySources().remove(NAME);
    env.getPropertySources().addFirst(new MapPropertySource(NAME, properties(config)));
    String profile = DataPlaneMode.of(config).profile();
    List<String> modeProfiles = Arrays.stream(DataPlaneMode.values()).map(DataPlaneMode::profile).toList();
    String[] others = Arrays.stream(env.getActiveProfiles()).filter(p -> !modeProfiles.contains(p))
        .toArray(String[]::new);
    env.setActiveProfiles(Stream.concat(Arrays.stream(others), Stream.of(profile)).toArray(String[]::new));
  }

  /**
   * Every setting under its kubevip.* name (unset ones as "", so a KUBEVIP_* variable or application file read by
   * Spring cannot slip an unvalidated value in underneath), plus the logging properties derived from them.
   */
  public static Map<String, Object> properties(EffectiveConfig config) {
    Map<String, Object> p = new LinkedHashMap<>();
    for (ResolvedValue v : config.values()) {
      p.put(v.setting().property(), config.normalized(v.setting()).orElse(""));
    }
    // Probes and metrics are served by ManagementServer on the addresses HttpListeners derives; no servlet stack.
    p.put("spring.main.web-application-type", "none");
    if (config.normalized(SettingsTable.LOG_FORMAT).filter("json"::equals).isPresent()) {
      p.put("logging.structured.format.console", "ecs");
      p.put("logging.structured.ecs.service.version", io.kubevip.app.BuildInfo.load().version());
    }
    p.put("logging.level.io.kubevip", logLevel(config.normalized(SettingsTable.VIP_LOGLEVEL).map(Integer::parseInt)
        .orElse(0)));
    return p;
  }

  // kube-vip uses Go slog levels: -4 debug, 0 info, 4 warn, 8 error.
  static String logLevel(int slog) {
    if (slog <= -4) {
      return "DEBUG";
    }
    if (slog < 4) {
      return "INFO";
    }
    return slog < 8 ? "WARN" : "ERROR";
  }
}
