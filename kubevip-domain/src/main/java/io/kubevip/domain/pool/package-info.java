// SPDX-License-Identifier: Apache-2.0
/**
 * Address pools of kube-vip-cloud-provider (ConfigMap {@code kube-system/kubevip}) and a pure, deterministic
 * allocator over them. Nothing here talks to Kubernetes: callers pass the ConfigMap data and the addresses in use.
 */
package io.kubevip.domain.pool;
