// SPDX-License-Identifier: Apache-2.0
/**
 * Labels on this node's Node object ({@code enable_node_labeling}), written as one JSON merge patch per change so
 * labels owned by others are never read-modified-written. Entry class: {@link
 * io.kubevip.adapter.kubernetes.nodes.KubernetesNodeLabels}.
 */
package io.kubevip.adapter.kubernetes.nodes;
