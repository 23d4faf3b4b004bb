// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Guards the model trim of issue #5: fabric8's KubernetesDeserializer loads and instantiates every kind that a
 * kubernetes-model-* jar lists for {@link ServiceLoader}, so each API group jar on the class path costs loaded classes
 * (RSS) in every manager, used or not.
 */
class KubernetesModelsTest {
  private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

  /**
   * API groups (first package segment under {@value #MODEL_PACKAGE}; "" is core) of the jars adapter-kubernetes/pom.xml
   * keeps: the ones kubevip uses, authorization's jar (kubernetes-model-admissionregistration) and the ones fabric8's
   * client needs itself (batch, extensions, certificates, autoscaling; the pom says why).
   */
  private static final Set<String> KEPT = Set.of("", "coordination", "discovery", "rbac", "apps",
      "admission", "admissionregistration", "authentication", "authorization", "batch", "extensions", "certificates",
      "autoscaling");

  @Test
  void givenAppClassPath_whenListingFabric8ModelKinds_thenOnlyKeptApiGroupsAreThere() throws Exception {
    Class<?> resource = Class.forName(MODEL_PACKAGE + ".KubernetesResource");
    Set<String> unexpected = new TreeSet<>();
    for (ServiceLoader.Provider<?> p : ServiceLoader.load(resource).stream().toList()) {
      String group = groupOf(p.type().getName());
      if (!KEPT.contains(group)) {
        unexpected.add(group);
      }
    }

    assertThat(unexpected)
        .as("fabric8 model jars for API groups %s are back on app's class path: fabric8 loads every kind they list "
            + "at client start (~320 classes per manager for the groups excluded; issue #5). Exclude the "
            + "kubernetes-model-* jar from kubernetes-client in adapter-kubernetes/pom.xml, or, if kubevip now "
            + "uses the group, add it to KEPT here and to the comment there", unexpected)
        .isEmpty();
  }

  @Test
  void givenAppClassPath_whenLoadingGatewayApi_thenNotFound() {
    assertThat(loadable(MODEL_PACKAGE + ".gatewayapi.v1.Gateway"))
        .as("kubernetes-model-gatewayapi (the largest model jar) must stay excluded in adapter-kubernetes/pom.xml")
        .isFalse();
    assertThat(loadable(MODEL_PACKAGE + ".coordination.v1.Lease")).as("control: a kept model loads").isTrue();
  }

  private static String groupOf(String className) {
    if (!className.startsWith(MODEL_PACKAGE + ".")) {
      return className; // not a fabric8 Kubernetes model: name it whole
    }
    String rest = className.substring(MODEL_PACKAGE.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? "" : rest.substring(0, dot);
  }

  private static boolean loadable(String className) {
    try {
      Class.forName(className, false, KubernetesModelsTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
