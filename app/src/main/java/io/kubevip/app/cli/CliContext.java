// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.app.config.PropertyEntry;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What the commands read from the outside world, passed in so tests control it completely.
 *
 * @param env environment variables
 * @param properties kubevip.* properties found outside Spring
 * @param features what this build can run
 * @param launcher starts the daemon
 * @param out standard output
 * @param err standard error
 */
public record CliContext(Map<String, String> env, List<PropertyEntry> properties, FeatureAvailability features,
    ManagerLauncher launcher, PrintStream out, PrintStream err) {}
