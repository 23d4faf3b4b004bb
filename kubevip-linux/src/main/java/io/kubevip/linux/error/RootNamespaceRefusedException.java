// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.error;

/**
 * A lab or test run (system property {@code kubevip.refuseRootNamespace=true}) tried to change the root
 * network namespace, which routes to a real network.
 */
public class RootNamespaceRefusedException extends LinuxException {
  public RootNamespaceRefusedException(String operation) {
    super(
        operation
            + ": refused in the root network namespace because kubevip.refuseRootNamespace=true;"
            + " run this inside a namespace created for the test");
  }
}
