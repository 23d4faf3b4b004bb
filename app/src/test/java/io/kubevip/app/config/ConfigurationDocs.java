// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders docs/configuration.md from {@link SettingsTable}. Regenerate with
 * {@code ./mvnw -B -q -o -pl app test -Dtest=DocsTest -Dkubevip.docs.write=true}.
 */
final class ConfigurationDocs {
  private ConfigurationDocs() {}

  static String render() {
    StringBuilder b = new StringBuilder();
    b.append("<!-- SPDX-License-Identifier: Apache-2.0 -->\n");
    b.append("<!-- GENERATED from io.kubevip.app.config.SettingsTable by ConfigurationDocs (app tests); do not edit. -->\n");
    b.append("# Configuration\n\n");
    b.append("""
        kubevip reads kube-vip's configuration unchanged: the same environment variables, the same `manager` flags and
        the same `config_file`. Every setting also has a `kubevip.*` property (Spring Boot style, e.g. in
        `./config/application.yaml` or as `-Dkubevip.x=y`). All of them go through one translation table, so this
        page, the validation and `kubevip config` always agree.

        From a checkout, `./kubevip config [--json] [flags]` shows the effective configuration (building the jar on
        first use); `./kubevip manager [flags]` runs the daemon. See [compat.md](compat.md) for where kubevip
        deliberately differs from kube-vip.

        ## Precedence

        Highest first; the first input that sets a non-empty value wins:

        1. **Environment variables** (`vip_arp=true`). Like kube-vip, env beats flags; empty variables are ignored.
        2. **Flags** of `kubevip manager` / `kubevip config` (`--arp`, `--leaseDuration 5`).
        3. **Config file** named by `config_file` / `--config-file` / `kubevip.config-file`: a flat YAML or JSON
           object whose keys are env names (`vip_arp: true`) or flag names without dashes (`arp: true`); lists are
           joined with commas. Unknown keys stop the manager with a suggestion.
        4. **`kubevip.*` properties**: Java system properties, then `./config/application.{properties,yaml,yml}`,
           `./application.*`, `classpath:config/application.*`, `classpath:application.*`. Relaxed names
           (`leaseDuration`, `lease_duration`) are accepted. (Upper-case `KUBEVIP_*` variables are not read.)
        5. **Defaults** below.

        Unlike kube-vip, a config-file value *does* override a flag's default (kube-vip only fills fields still at
        zero value). `kubevip config` prints every setting, its value and its origin (`env`, `flag`, `config-file`,
        `property`, `default`); `--json` gives the same as JSON. Secrets (`bgp_peerpass`, passwords inside
        `bgp_peers`) are always printed as `<redacted>`.

        An environment variable starting with `vip_`, `bgp_`, `svc_`, `cp_` or `kubevip_` that is not in the table
        gets a warning naming it and the closest known name (typo protection).

        ## Units

        Durations given as env, flag or config file keep kube-vip's units: whole **seconds** (`vip_leaseduration=15`)
        or **milliseconds** (`vip_arpRate=3000`). The `kubevip.*` properties accept any duration, which is how
        sub-second timings are configured: `kubevip.leader-election.lease-duration=800ms`,
        `kubevip.leader-election.renew-deadline=500ms`, `kubevip.leader-election.retry-period=100ms` (a bare number
        there uses the same unit as the env variable). `debounce_time` is a Go duration (`200ms`, `1m30s`).

        ## Validation

        `kubevip manager` validates everything before starting anything and exits with code **2**, printing one line
        per problem: the setting as written (env name, `--flag`, `key (in file)`, property), the value and what was
        expected. Modes and features this build does not implement yet fail by name, e.g.
        `vip_wireguard: not available in this version`.

        ## Logging and endpoints

        * `kubevip_log_format=json` (property `kubevip.log.format=json`) switches the console to Spring Boot's
          structured logging in ECS JSON (`logging.structured.format.console=ecs`); default `text`.
        * `vip_loglevel` keeps kube-vip's slog numbers: -4 debug, 0 info, 4 warn, 8 error.
        * `prometheus_server` (default `:2112`) is the HTTP listen address: `/metrics` (Prometheus text, or
          OpenMetrics when the scraper asks for it), `/health` and `/health/<group>` (every indicator with its
          details), and, unless `health_check_port` is set, also `/livez`, `/readyz` and `/healthz` (Actuator groups
          `liveness`, `readiness`, `healthz`; status only, 503 when DOWN). With `health_check_port` the probes move to
          that port. An empty `--prometheusHTTPServer ""` turns metrics off (`/health` then moves to
          `health_check_port`). The JDK's built-in HTTP server serves them; there is no servlet container.

        """);
    Map<String, List<Setting>> byArea = new LinkedHashMap<>();
    SettingsTable.ALL.forEach(s -> byArea.computeIfAbsent(s.area(), k -> new java.util.ArrayList<>()).add(s));
    b.append("## Settings\n");
    byArea.forEach((area, settings) -> {
      b.append("\n### ").append(area).append("\n\n");
      b.append("| Env | kube-vip flag | Property | Type | Default | Meaning |\n");
      b.append("|---|---|---|---|---|---|\n");
      for (Setting s : settings) {
        b.append("| ").append(names(s.env(), s.envAliases()))
            .append(" | ").append(names(s.flag(), s.flagAliases()))
            .append(" | `").append(s.property()).append('`')
            .append(" | ").append(cell(s.type().describe()))
            .append(" | ").append(s.defaultValue() == null ? "—" : "`" + cell(s.defaultValue()) + "`")
            .append(" | ").append(cell(s.description())).append(s.secret() ? " (secret)" : "")
            .append(" |\n");
      }
    });
    return b.toString();
  }

  private static String names(String main, List<String> aliases) {
    if (main == null) {
      return "—";
    }
    String a = aliases.isEmpty() ? "" : " (also "
        + aliases.stream().map(x -> "`" + x + "`").collect(Collectors.joining(", ")) + ")";
    return "`" + main + "`" + a;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
