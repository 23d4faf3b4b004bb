// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.service;

/** {@code spec.externalTrafficPolicy}: Local keeps traffic on nodes with a ready local endpoint. */
public enum ExternalTrafficPolicy {
  CLUSTER,
  LOCAL
}
