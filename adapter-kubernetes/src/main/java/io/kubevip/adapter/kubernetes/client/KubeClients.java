// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.client;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;

/** Builds the fabric8 client from a {@link KubeconfigLocator.Source}, with kube-vip's client budget. */
public final class KubeClients {
  /**
   * kube-vip's request timeout ({@code pkg/k8s/client.go}). kube-vip also throttles itself to QPS 100 / burst 250,
   * which users hit as 7–24 s client-side waits (kube-vip#1425); fabric8 has no client-side limiter and our API load
   * grows with nodes, not Services, so there is nothing to throttle.
   */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private KubeClients() {}

  /**
   * @param apiServerOverride {@code kubernetes_addr} (host:port or URL); blank for none
   * @param controlPlanePort {@code port}, used for the static-pod rewrite to {@code https://kubernetes:<port>}
   */
  public static KubernetesClient create(KubeconfigLocator.Source source, String apiServerOverride, int controlPlanePort) {
    Config base;
    if (source instanceof KubeconfigLocator.File f) {
      try {
        base = Config.fromKubeconfig(Files.readString(f.path()));
      } catch (IOException e) {
        throw new UncheckedIOException("reading kubeconfig " + f.path(), e);
      }
    } else {
      base = Config.autoConfigure(null);
    }
    ConfigBuilder b = new ConfigBuilder(base)
        .withRequestTimeout((int) REQUEST_TIMEOUT.toMillis())
        .withConnectionTimeout((int) REQUEST_TIMEOUT.toMillis());
    String master = masterUrl(source, apiServerOverride, controlPlanePort, base.getMasterUrl());
    b.withMasterUrl(master);
    Config config = b.build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** The API server URL: the override, else the static-pod rewrite, else what the configuration says. */
  static String masterUrl(KubeconfigLocator.Source source, String override, int port, String configured) {
    if (override != null && !override.isBlank()) {
      String o = override.trim();
      return o.contains("://") ? o : "https://" + o;
    }
    if (source instanceof KubeconfigLocator.File f && f.staticPodAdminConf()) {
      // admin.conf points at the control-plane endpoint, which may be our own VIP: not reachable until we provide
      // it. The static pod's host alias maps "kubernetes" to 127.0.0.1, the local API server (kube-vip does this).
      URI u = URI.create(configured);
      return u.getScheme() + "://kubernetes:" + port;
    }
    return configured;
  }
}
