// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.config.DataPlaneMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Beans of the routetable mode, active only under the {@code routetable} profile. The mode's adapters are wired here when
 * they exist; until then the marker proves which mode configuration the manager loaded.
 */
@Configuration(proxyBeanMethods = false)
@Profile("routetable")
public class RouteTableModeConfiguration {

  @Bean
  ModeMarker routetableModeMarker() {
    return new ModeMarker(DataPlaneMode.ROUTING_TABLE);
  }
}
