// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.service;

/** Transport protocol of a Service port, as in {@code spec.ports[].protocol}. */
public enum Protocol {
  TCP,
  UDP,
  SCTP
}
