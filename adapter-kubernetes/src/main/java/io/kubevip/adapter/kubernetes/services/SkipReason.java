// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

/** Why a Service is none of our business; a log field, never an error. */
enum SkipReason {
  /** {@code spec.type} is not LoadBalancer. */
  NOT_LOAD_BALANCER,
  /** No {@code spec.loadBalancerClass}, but we only serve our class ({@code lb_class_only} or non-legacy handling). */
  NO_CLASS,
  /** {@code spec.loadBalancerClass} names another implementation. */
  OTHER_CLASS
}
