// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubevip.ports.out.ClusterWatchListener;
import io.kubevip.ports.out.ClusterWatchPort;
import java.util.Objects;

/**
 * {@link ClusterWatchPort} on shared informers: one list+watch per resource kind for the whole cluster (or the
 * {@code svc_namespace}), where kube-vip opens one EndpointSlice watch per LoadBalancer Service.
 *
 * <p>Delivered: LoadBalancer Services that pass the class filter (as {@code ServiceIntent}, {@code ignored} when
 * annotated {@code kube-vip.io/ignore: "true"}); a Service that leaves the filter is delivered as deleted; every
 * EndpointSlice of a delivered Service, per slice; Nodes; the pool ConfigMap as {@code PoolConfig}. A Service that
 * cannot be translated is logged and reported through {@code serviceRejected}, never thrown.
 */
public final class KubernetesClusterWatch implements ClusterWatchPort {
  private final KubernetesClient client;
  private final ServiceWatchSettings settings;
  private final ServiceCopies copies;

  public KubernetesClusterWatch(KubernetesClient client, ServiceWatchSettings settings) {
    this(client, settings, new ServiceCopies());
  }

  /** Sharing {@code copies} with the {@link KubernetesServiceStatus} of the same process. */
  public KubernetesClusterWatch(KubernetesClient client, ServiceWatchSettings settings, ServiceCopies copies) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.copies = Objects.requireNonNull(copies, "copies");
  }

  @Override
  public Watch watch(ClusterWatchListener listener) {
    return ClusterSubscription.start(client, settings, Objects.requireNonNull(listener, "listener"), copies);
  }
}
