// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import io.kubevip.app.config.DataPlaneMode;
import io.kubevip.app.config.EffectiveConfig;
import io.kubevip.app.config.FeatureAvailability;

/**
 * Starts the daemon once the configuration is valid. An interface so CLI tests can check what would be started
 * without starting Spring (and, later, without touching the network).
 */
@FunctionalInterface
public interface ManagerLauncher {
  /**
   * @return {@link Cli#RUNNING} when the daemon keeps running, otherwise an exit code
   */
  int launch(EffectiveConfig config, DataPlaneMode mode, FeatureAvailability features);
}
