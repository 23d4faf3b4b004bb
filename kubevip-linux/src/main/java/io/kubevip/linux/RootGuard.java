// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import io.kubevip.linux.error.RootNamespaceRefusedException;

/**
 * Refuses changes to the root network namespace when {@code kubevip.refuseRootNamespace=true} (set by
 * the test harness and lab tools): on this machine the root namespace routes to a real network.
 */
final class RootGuard {
  static final String PROPERTY = "kubevip.refuseRootNamespace";

  private RootGuard() {}

  static void check(boolean inRoot, String operation) {
    if (inRoot && Boolean.getBoolean(PROPERTY)) {
      throw new RootNamespaceRefusedException(operation);
    }
  }
}
