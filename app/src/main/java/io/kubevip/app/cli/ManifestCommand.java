// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import io.kubevip.adapter.kubernetes.KubernetesAdapter;
import io.kubevip.adapter.kubernetes.manifest.ManifestOptions;
import io.kubevip.app.BuildInfo;
import io.kubevip.app.config.Origin;
import io.kubevip.app.config.Setting;
import io.kubevip.app.config.SettingsTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubevip manifest pod|daemonset|rbac}: kube-vip's manifest generator. The manager flags given here become
 * the container's environment under kube-vip's names (through {@link SettingsTable}), so a manifest written for
 * kube-vip and one generated here configure the same thing. Prints YAML to stdout; a bad flag value exits 2.
 */
@Command(name = "manifest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    abbreviateSynopsis = true,
    description = "Print a static pod, DaemonSet or RBAC manifest (kube-vip's flags become the container env).")
final class ManifestCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec
  private CommandSpec spec;
  @Parameters(index = "0", paramLabel = "pod|daemonset|rbac", description = "What to print.")
  private String kind;
  @Option(names = "--inCluster", arity = "0..1", fallbackValue = "true",
      description = "Static pod: use the kube-vip ServiceAccount instead of mounting a kubeconfig.")
  private boolean inCluster;
  @Option(names = "--taint", arity = "0..1", fallbackValue = "true",
      description = "DaemonSet: only on control-plane nodes, tolerating their taints.")
  private boolean taint;
  @Option(names = "--role", arity = "0..1", fallbackValue = "true",
      description = "RBAC: a namespaced Role and RoleBinding instead of a ClusterRole.")
  private boolean role;
  @Option(names = "--image", paramLabel = "<image>", description = "Container image (default "
      + ManifestOptions.DEFAULT_IMAGE_REPOSITORY + ":<this version>).")
  private String image;

  ManifestCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    KubernetesAdapter.ManifestKind k = kind(kind);
    if (k == null) {
      context.err().println("manifest: '" + kind + "' is not a manifest kind; expected pod, daemonset or rbac");
      return Cli.CONFIG_ERROR;
    }
    Map<String, String> flags = KubeVipFlags.given(spec.commandLine().getParseResult());
    List<String> problems = new ArrayList<>();
    Map<String, String> env = env(flags, problems);
    if (!problems.isEmpty()) {
      context.err().println("kubevip manifest: invalid flags, nothing printed (" + problems.size()
          + (problems.size() == 1 ? " problem):" : " problems):"));
      problems.forEach(p -> context.err().println(p));
      return Cli.CONFIG_ERROR;
    }
    String version = BuildInfo.load().version();
    String namespace = env.getOrDefault(SettingsTable.CP_NAMESPACE.env(), SettingsTable.CP_NAMESPACE.defaultValue());
    String kubeconfig = flags.getOrDefault("--k8sConfigPath", ManifestOptions.DEFAULT_KUBECONFIG);
    ManifestOptions options = new ManifestOptions(
        image == null ? ManifestOptions.DEFAULT_IMAGE_REPOSITORY + ":" + version : image, namespace, env, inCluster,
        kubeconfig, taint, role, null, version);
    context.out().print(KubernetesAdapter.manifest(k, options));
    return 0;
  }

  private static KubernetesAdapter.ManifestKind kind(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "pod":
        return KubernetesAdapter.ManifestKind.POD;
      case "daemonset":
        return KubernetesAdapter.ManifestKind.DAEMONSET;
      case "rbac":
        return KubernetesAdapter.ManifestKind.RBAC;
      default:
        return null;
    }
  }

  /**
   * kube-vip's generator: {@code vip_arp} and {@code port} always, every other setting only when its flag was
   * given; the kubeconfig path is a mount, not a variable.
   */
  static Map<String, String> env(Map<String, String> flags, List<String> problems) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(SettingsTable.VIP_ARP.env(), "false");
    env.put(SettingsTable.PORT.env(), SettingsTable.PORT.defaultValue());
    flags.forEach((flag, raw) -> {
      Setting s = SettingsTable.byFlag(flag).orElseThrow();
      if (s == SettingsTable.K8S_CONFIG_FILE) {
        return;
      }
      if (s.env() == null) {
        problems.add(flag + ": has no environment variable in kube-vip, so it cannot go into a manifest; set it in"
            + " a config file (config_file) instead");
        return;
      }
      try {
        env.put(s.env(), s.type().normalize(raw, Origin.FLAG));
      } catch (IllegalArgumentException e) {
        problems.add(flag + ": '" + raw + "' " + e.getMessage());
      }
    });
    return env;
  }
}
