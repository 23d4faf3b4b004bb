// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.util.List;
import java.util.Map;

/**
 * Everything the resolver reads, passed in rather than fetched so tests control every input.
 *
 * @param env environment variables
 * @param flags kube-vip flags as given on the command line ({@code --arp} → {@code true}), in order
 * @param properties {@code kubevip.*} properties, highest priority first
 */
public record ConfigInputs(Map<String, String> env, Map<String, String> flags, List<PropertyEntry> properties) {
  public ConfigInputs {
    env = Map.copyOf(env);
    flags = Map.copyOf(flags);
    properties = List.copyOf(properties);
  }
}
