// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.adapter.arp.LinuxDuplicateDetector;
import io.kubevip.adapter.arp.LinuxL2Announcer;
import io.kubevip.adapter.arp.LinuxLinkWatch;
import io.kubevip.adapter.arp.LinuxVipAddresses;
import io.kubevip.app.controlplane.DuplicateProbe;
import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.ports.out.MetricsPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;

/**
 * THE place where the Linux ARP adapter (module adapter-arp) plugs into the manager: addresses (tagged, nodad per
 * {@code vip_skipdad}), gratuitous ARP / unsolicited NA, the link watch and the duplicate detector, all in the
 * process's network namespace. Every bean is lazy, so a context whose test supplies its own {@code @Primary}
 * {@link ArpDataPlane} never opens a netlink or packet socket. Sockets are closed after the lifecycle beans have
 * withdrawn the VIPs (Spring stops lifecycles before destroying singletons).
 */
@Configuration(proxyBeanMethods = false)
@Profile("arp")
public class ArpDataPlaneConfiguration {

  @Bean(destroyMethod = "close")
  @Lazy
  LinuxVipAddresses linuxVipAddresses(KubevipProperties p) {
    return LinuxVipAddresses.open(p.vip().skipDad(), p.vip().loInterfaceGlobalScope());
  }

  @Bean(destroyMethod = "close")
  @Lazy
  LinuxL2Announcer linuxL2Announcer() {
    return LinuxL2Announcer.open(LinuxL2Announcer.Settings.DEFAULTS, MetricsPort.NOOP);
  }

  @Bean(destroyMethod = "close")
  @Lazy
  LinuxLinkWatch linuxLinkWatch() {
    return LinuxLinkWatch.open();
  }

  @Bean
  @Lazy
  LinuxDuplicateDetector linuxDuplicateDetector() {
    return LinuxDuplicateDetector.open();
  }

  @Bean
  @Lazy
  ArpDataPlane linuxArpDataPlane(LinuxVipAddresses addresses, LinuxL2Announcer announcer,
      LinuxLinkWatch linkWatch, LinuxDuplicateDetector duplicates) {
    return new ArpDataPlane(addresses, announcer, InterfaceMonitor.over(linkWatch), DuplicateProbe.over(duplicates));
  }
}
