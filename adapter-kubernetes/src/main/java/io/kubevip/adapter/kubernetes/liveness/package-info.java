// SPDX-License-Identifier: Apache-2.0
/**
 * Node liveness on {@code coordination.k8s.io/v1} Leases: one Lease per node ({@code kubevip-node-<name>}, labelled
 * {@code kubevip.io/liveness=true}), renewed every retry period and observed by every node through one informer with
 * a label selector. API writes grow with nodes, not Services. Entry class: {@link
 * io.kubevip.adapter.kubernetes.liveness.KubernetesNodeLiveness}.
 */
package io.kubevip.adapter.kubernetes.liveness;
