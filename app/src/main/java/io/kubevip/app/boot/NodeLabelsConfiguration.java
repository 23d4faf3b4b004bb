// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.adapter.kubernetes.KubernetesAdapter;
import io.kubevip.ports.out.NodeLabelsPort;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Node labels ({@code enable_node_labeling}): one port for the control plane and the Services, on whichever
 * Kubernetes connection the mode has. Lazy, so asking for it never opens a connection a mode does not use (BGP ECMP);
 * {@link NodeLabelsPort#NONE} when labelling is off or there is no connection.
 */
@Configuration(proxyBeanMethods = false)
public class NodeLabelsConfiguration {
  @Bean
  @Lazy
  NodeLabelsPort nodeLabelsPort(KubevipProperties p, ObjectProvider<KubernetesAdapter> kubernetes) {
    if (!p.nodeLabeling()) {
      return NodeLabelsPort.NONE;
    }
    KubernetesAdapter adapter = kubernetes.getIfAvailable();
    if (adapter == null) {
      LoggerFactory.getLogger(NodeLabelsConfiguration.class).warn("enable_node_labeling=true but this mode has no"
          + " Kubernetes connection; no node labels are written");
      return NodeLabelsPort.NONE;
    }
    LoggerFactory.getLogger(NodeLabelsConfiguration.class).info("enable_node_labeling=true: the node serving a VIP"
        + " carries kube-vip.io/has-ip / service-provided.kube-vip.io/<svc>.<ns>");
    return adapter.nodeLabels();
  }
}
