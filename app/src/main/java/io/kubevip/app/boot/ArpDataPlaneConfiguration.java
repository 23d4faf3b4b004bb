// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.settings.KubevipSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;

/**
 * THE place where the Linux ARP adapter (module adapter-arp: {@code LinuxVipAddresses}, {@code LinuxL2Announcer},
 * link watch, duplicate detector) plugs into the manager. Lazy, so a context whose test supplies its own
 * {@code @Primary} {@link ArpDataPlane} never opens a netlink or packet socket.
 */
@Configuration(proxyBeanMethods = false)
@Profile("arp")
public class ArpDataPlaneConfiguration {

  @Bean
  @Lazy
  ArpDataPlane linuxArpDataPlane(KubevipSettings settings) {
    throw new IllegalStateException("the Linux ARP data plane (module adapter-arp) is not wired into this build yet;"
        + " see ArpDataPlaneConfiguration");
  }
}
