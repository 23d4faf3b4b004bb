// SPDX-License-Identifier: Apache-2.0
/**
 * Services of type LoadBalancer against the API server: {@link KubernetesClusterWatch} (shared informers for Services,
 * EndpointSlices, Nodes and the pool ConfigMap, translated into domain records) and {@link KubernetesServiceStatus}
 * (status, annotations, conditions and Events written back). Everything else here is package-private.
 */
package io.kubevip.adapter.kubernetes.services;
