// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.kubevip.domain.service.RequestedAddresses;

/** The Service annotations and labels kube-vip reads and writes ({@code pkg/kubevip/annotations.go}). */
final class KubeVipAnnotations {
  static final String LOADBALANCER_IPS = RequestedAddresses.ANNOTATION;
  static final String IGNORE = "kube-vip.io/ignore";
  static final String SERVICE_INTERFACE = "kube-vip.io/serviceInterface";
  static final String ALLOW_WITHOUT_ENDPOINTS = "kube-vip.io/allow-reconcile-without-endpoints";
  static final String VIP_HOST = "kube-vip.io/vipHost";
  /** Label kube-vip-cloud-provider puts on Services it gave an address; it lists them to rebuild its in-use set. */
  static final String IMPLEMENTATION_LABEL = "implementation";
  static final String IMPLEMENTATION_VALUE = "kube-vip";
  /** Node label: the node is not to receive traffic from external load balancers (Kubernetes well-known label). */
  static final String EXCLUDE_FROM_LB = "node.kubernetes.io/exclude-from-external-load-balancers";
  /** EndpointSlice label naming its Service. */
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  private KubeVipAnnotations() {}
}
