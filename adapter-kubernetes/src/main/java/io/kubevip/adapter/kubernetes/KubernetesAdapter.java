// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubevip.adapter.kubernetes.client.KubeClients;
import io.kubevip.adapter.kubernetes.client.KubeconfigLocator;
import io.kubevip.adapter.kubernetes.client.RbacPreflight;
import io.kubevip.adapter.kubernetes.election.KubernetesLeaderElection;
import io.kubevip.adapter.kubernetes.liveness.KubernetesNodeLiveness;
import io.kubevip.adapter.kubernetes.manifest.ManifestOptions;
import io.kubevip.adapter.kubernetes.manifest.Manifests;
import io.kubevip.adapter.kubernetes.nodes.KubernetesNodeLabels;
import io.kubevip.adapter.kubernetes.services.KubernetesClusterWatch;
import io.kubevip.adapter.kubernetes.services.KubernetesServiceStatus;
import io.kubevip.adapter.kubernetes.services.ServiceCopies;
import io.kubevip.adapter.kubernetes.services.ServiceWatchSettings;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.lease.LeaseTiming;
import io.kubevip.domain.node.NodeId;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one door into the Kubernetes adapter for the app: a connection to the API server (found in kube-vip's order)
 * that hands out the election port and answers the start-up questions, plus manifest rendering. Keeps every fabric8
 * type inside this module.
 */
public final class KubernetesAdapter implements AutoCloseable {
  private final KubernetesClient client;
  private final String description;
  /** One per process: the Service writes and the Services watch share what each knows (no GET, no echo wait). */
  private final ServiceCopies serviceCopies = new ServiceCopies();

  private KubernetesAdapter(KubernetesClient client, String description) {
    this.client = Objects.requireNonNull(client, "client");
    this.description = description;
  }

  /**
   * Connects as kube-vip does: {@code k8s_config_file}, admin.conf, {@code KUBECONFIG}, {@code ~/.kube/config},
   * in-cluster. Builds the client only; nothing is sent until the first call.
   *
   * @param kubeconfigFile {@code k8s_config_file}, blank for none
   * @param apiServerOverride {@code kubernetes_addr}, blank for none
   * @param controlPlanePort {@code port} (the API server port behind the VIP)
   * @throws IllegalArgumentException when {@code k8s_config_file} names a missing file
   */
  public static KubernetesAdapter connect(String kubeconfigFile, String apiServerOverride, int controlPlanePort,
      Map<String, String> env) {
    KubeconfigLocator.Source source = KubeconfigLocator.locate(kubeconfigFile, env, Files::exists);
    KubernetesClient client = KubeClients.create(source, apiServerOverride, controlPlanePort);
    String where = source instanceof KubeconfigLocator.File f ? "kubeconfig " + f.path() : "in-cluster service account";
    return new KubernetesAdapter(client, where + " (" + source.reason() + ") -> " + client.getMasterUrl());
  }

  /** Around a client the caller owns (tests against the mock API server). */
  public static KubernetesAdapter using(KubernetesClient client) {
    return new KubernetesAdapter(client, "given client -> " + client.getMasterUrl());
  }

  /** Where the configuration came from and which API server it names, for the start-up log. */
  public String description() {
    return description;
  }

  /** Lease elections as {@code identity} ({@code vip_nodename}, else the lower-cased host name). */
  public KubernetesLeaderElection leaderElection(String identity, LeaseTiming timing, Clock clock) {
    return KubernetesLeaderElection.on(client, identity, timing, clock);
  }

  /** Informers for LoadBalancer Services, EndpointSlices, Nodes and the pool ConfigMap, as {@code settings} says. */
  public KubernetesClusterWatch clusterWatch(ServiceWatchSettings settings) {
    return new KubernetesClusterWatch(client, settings, serviceCopies);
  }

  /** Service status, annotations, conditions and Events, reported as {@code node}. */
  public KubernetesServiceStatus serviceStatus(NodeId node) {
    return new KubernetesServiceStatus(client, node, serviceCopies);
  }

  /** This node's liveness Lease in {@code namespace} and the observation of its peers'. */
  public KubernetesNodeLiveness nodeLiveness(String namespace, NodeId self, LeaseTiming timing) {
    return new KubernetesNodeLiveness(client, namespace, self, timing);
  }

  /** Labels on Node objects ({@code enable_node_labeling}). */
  public KubernetesNodeLabels nodeLabels() {
    return new KubernetesNodeLabels(client);
  }

  /**
   * The RBAC pre-flight for the election's verbs on Leases in {@code namespace}.
   *
   * @throws IllegalStateException when the API server cannot be asked (unreachable, unauthorised)
   */
  public RbacPreflight.Result checkLeaseAccess(String namespace) {
    try {
      return RbacPreflight.checkLeases(client, namespace);
    } catch (KubernetesClientException e) {
      throw new IllegalStateException("RBAC pre-flight against " + client.getMasterUrl() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code identity} holds {@code lease} and its last renewal, by the holder's timestamps, is younger than
   * the lease duration. Used once at start-up to decide whether VIPs left on the interface may stay; a wrong
   * "no" only costs a re-add, so the holder's clock is good enough here (the election itself never uses it).
   *
   * @throws IllegalStateException when the Lease cannot be read
   */
  public boolean holdsValidLease(LeaseName lease, String identity, Clock clock) {
    Lease l;
    try {
      l = client.leases().inNamespace(lease.namespace()).withName(lease.name()).get();
    } catch (KubernetesClientException e) {
      throw new IllegalStateException("reading lease " + lease + " failed: " + e.getMessage(), e);
    }
    if (l == null || l.getSpec() == null || !identity.equals(l.getSpec().getHolderIdentity())) {
      return false;
    }
    Integer seconds = l.getSpec().getLeaseDurationSeconds();
    Optional<Instant> renewed = Optional.ofNullable(l.getSpec().getRenewTime()).map(t -> t.toInstant());
    return renewed.isPresent() && seconds != null
        && clock.instant().isBefore(renewed.get().plusSeconds(seconds));
  }

  /** Which manifest {@link #manifest} renders. */
  public enum ManifestKind { POD, DAEMONSET, RBAC }

  /** The YAML of a static pod, DaemonSet or RBAC objects, as {@code kubectl apply -f} takes it. */
  public static String manifest(ManifestKind kind, ManifestOptions options) {
    switch (kind) {
      case POD:
        return Manifests.toYaml(Manifests.staticPod(options));
      case DAEMONSET:
        return Manifests.toYaml(Manifests.daemonSet(options));
      default:
        return Manifests.toYaml(Manifests.rbac(options));
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
