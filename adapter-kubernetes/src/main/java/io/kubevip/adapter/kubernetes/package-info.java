// SPDX-License-Identifier: Apache-2.0
/** Kubernetes side: watchers, Lease election, Service status and Events, manifests (fabric8). */
package io.kubevip.adapter.kubernetes;
