// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.config.DataPlaneMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Beans of the arp mode, active only under the {@code arp} profile. The mode's adapters are wired here when
 * they exist; until then the marker proves which mode configuration the manager loaded.
 */
@Configuration(proxyBeanMethods = false)
@Profile("arp")
public class ArpModeConfiguration {

  @Bean
  ModeMarker arpModeMarker() {
    return new ModeMarker(DataPlaneMode.ARP);
  }
}
