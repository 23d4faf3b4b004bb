// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.manifest;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates the deployment manifests from fabric8 model objects, shaped as kube-vip's generator shapes them
 * (kube-vip {@code pkg/kubevip/config_generator.go}) so existing tooling recognises them: a kubeadm static pod, a
 * DaemonSet for K3s and others, and the RBAC objects. Differences: the RBAC adds what kubevip uses and kube-vip
 * does not (Events, the {@code kubevip} ConfigMap for built-in IPAM, SelfSubjectAccessReview for the pre-flight).
 */
public final class Manifests {
  public static final String POD_NAME = "kube-vip";
  public static final String DAEMONSET_NAME = "kube-vip-ds";
  public static final String SERVICE_ACCOUNT = "kube-vip";
  public static final String CLUSTER_ROLE = "system:kube-vip-role";
  public static final String CLUSTER_ROLE_BINDING = "system:kube-vip-binding";
  static final String KUBECONFIG_IN_CONTAINER = "/etc/kubernetes/admin.conf";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Manifests() {}

  /** The kubeadm static pod ({@code /etc/kubernetes/manifests/kube-vip.yaml}). */
  public static Pod staticPod(ManifestOptions o) {
    PodSpecBuilder spec = new PodSpecBuilder()
        .withHostNetwork(true)
        .withContainers(container(o, !o.inCluster()));
    if (o.inCluster()) {
      spec.withServiceAccountName(SERVICE_ACCOUNT);
    } else {
      // Static pods start before cluster DNS and Services: the kubeconfig names "kubernetes", pinned to loopback.
      spec.addNewHostAlias().withIp("127.0.0.1").withHostnames("kubernetes").endHostAlias()
          .addNewVolume().withName("kubeconfig")
          .withNewHostPath().withPath(o.kubeconfigHostPath()).endHostPath().endVolume();
    }
    return new PodBuilder()
        .withNewMetadata().withName(POD_NAME).withNamespace(o.namespace()).endMetadata()
        .withSpec(spec.build())
        .build();
  }

  /** The DaemonSet; with {@code taint} it runs only on control-plane nodes and tolerates their taints. */
  public static DaemonSet daemonSet(ManifestOptions o) {
    Map<String, String> labels = new java.util.TreeMap<>(Map.of("app.kubernetes.io/name", DAEMONSET_NAME, "app.kubernetes.io/version", o.version()));
    PodSpecBuilder spec = new PodSpecBuilder()
        .withHostNetwork(true)
        .withServiceAccountName(SERVICE_ACCOUNT)
        .withContainers(container(o, false));
    if (o.taint()) {
      spec.addNewToleration().withEffect("NoSchedule").withOperator("Exists").endToleration()
          .addNewToleration().withEffect("NoExecute").withOperator("Exists").endToleration()
          .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
          .withNodeSelectorTerms(
              new NodeSelectorTermBuilder().addNewMatchExpression()
                  .withKey("node-role.kubernetes.io/master").withOperator("Exists").endMatchExpression().build(),
              new NodeSelectorTermBuilder().addNewMatchExpression()
                  .withKey("node-role.kubernetes.io/control-plane").withOperator("Exists").endMatchExpression().build())
          .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity();
    }
    PodSpec podSpec = spec.build();
    return new DaemonSetBuilder()
        .withNewMetadata().withName(DAEMONSET_NAME).withNamespace(o.namespace()).withLabels(labels).endMetadata()
        .withNewSpec()
        .withNewSelector().withMatchLabels(Map.of("app.kubernetes.io/name", DAEMONSET_NAME)).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withSpec(podSpec).endTemplate()
        .endSpec()
        .build();
  }

  /** ServiceAccount, (Cluster)Role and binding. */
  public static KubernetesList rbac(ManifestOptions o) {
    List<HasMetadata> items = new ArrayList<>();
    items.add(new ServiceAccountBuilder().withNewMetadata().withName(SERVICE_ACCOUNT).withNamespace(o.namespace())
        .endMetadata().build());
    if (o.namespacedRole()) {
      items.add(new RoleBuilder().withNewMetadata().withName(SERVICE_ACCOUNT).withNamespace(o.namespace()).endMetadata()
          .withRules(rules(false)).build());
      items.add(new RoleBindingBuilder().withNewMetadata().withName(SERVICE_ACCOUNT).withNamespace(o.namespace())
          .endMetadata()
          .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(SERVICE_ACCOUNT).endRoleRef()
          .addNewSubject().withKind("ServiceAccount").withName(SERVICE_ACCOUNT).withNamespace(o.namespace()).endSubject()
          .build());
    } else {
      items.add(new ClusterRoleBuilder().withNewMetadata().withName(CLUSTER_ROLE).endMetadata()
          .withRules(rules(true)).build());
      items.add(new ClusterRoleBindingBuilder().withNewMetadata().withName(CLUSTER_ROLE_BINDING).endMetadata()
          .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName(CLUSTER_ROLE)
          .endRoleRef()
          .addNewSubject().withKind("ServiceAccount").withName(SERVICE_ACCOUNT).withNamespace(o.namespace()).endSubject()
          .build());
    }
    return new KubernetesListBuilder().withItems(items).build();
  }

  /** YAML text of a manifest object; a list is written as a multi-document stream, as kubectl applies it. */
  public static String toYaml(Object manifest) {
    if (manifest instanceof KubernetesList list) {
      StringBuilder sb = new StringBuilder();
      for (HasMetadata item : list.getItems()) {
        String doc = SERIALIZATION.asYaml(item);
        sb.append(doc.startsWith("---") ? doc : "---\n" + doc);
        if (!doc.endsWith("\n")) {
          sb.append('\n');
        }
      }
      return sb.toString();
    }
    return SERIALIZATION.asYaml(manifest);
  }

  /** Parses YAML written by {@link #toYaml} back into model objects (used by the golden tests and by users' tooling). */
  public static <T> T fromYaml(String yaml, Class<T> type) {
    return SERIALIZATION.unmarshal(yaml, type);
  }

  private static Container container(ManifestOptions o, boolean mountKubeconfig) {
    ContainerBuilder c = new ContainerBuilder()
        .withName("kube-vip")
        .withImage(o.image())
        .withImagePullPolicy("IfNotPresent")
        .withArgs("manager")
        .withEnv(env(o))
        .withNewSecurityContext()
        .withNewCapabilities().withAdd("NET_ADMIN", "NET_RAW").withDrop("ALL").endCapabilities()
        .endSecurityContext();
    if (mountKubeconfig) {
      c.addNewVolumeMount().withName("kubeconfig").withMountPath(KUBECONFIG_IN_CONTAINER).endVolumeMount();
    }
    return c.build();
  }

  private static List<EnvVar> env(ManifestOptions o) {
    List<EnvVar> env = new ArrayList<>();
    o.env().forEach((k, v) -> {
      if (!k.equals("vip_nodename")) {
        env.add(new EnvVarBuilder().withName(k).withValue(v).build());
      }
    });
    env.add(new EnvVarBuilder().withName("vip_nodename")
        .withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName").endFieldRef().endValueFrom().build());
    env.add(new EnvVarBuilder().withName("JDK_JAVA_OPTIONS").withValue(o.jvmOptions()).build());
    return env;
  }

  private static List<PolicyRule> rules(boolean clusterScoped) {
    List<PolicyRule> rules = new ArrayList<>(List.of(
        rule("", List.of("services/status"), "update", "patch"),
        rule("", List.of("services", "endpoints"), "list", "get", "watch", "update", "patch"),
        rule("", List.of("nodes"), "list", "get", "watch", "update", "patch"),
        rule("coordination.k8s.io", List.of("leases"), "list", "get", "watch", "update", "create", "delete"),
        rule("discovery.k8s.io", List.of("endpointslices"), "list", "get", "watch", "update"),
        rule("", List.of("pods"), "list"),
        rule("", List.of("configmaps"), "list", "get", "watch"),
        rule("", List.of("events"), "create", "patch"),
        rule("events.k8s.io", List.of("events"), "create", "patch"),
        rule("authorization.k8s.io", List.of("selfsubjectaccessreviews"), "create")));
    if (clusterScoped) {
      rules.add(rule("networking.k8s.io", List.of("servicecidrs"), "list", "get", "watch"));
    }
    return rules;
  }

  private static PolicyRule rule(String apiGroup, List<String> resources, String... verbs) {
    return new PolicyRuleBuilder().withApiGroups(apiGroup).withResources(resources).withVerbs(verbs).build();
  }
}
