// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.adapter.arp.LinuxDuplicateDetector;
import io.kubevip.adapter.arp.LinuxL2Announcer;
import io.kubevip.adapter.arp.LinuxLinkWatch;
import io.kubevip.adapter.arp.LinuxVipAddresses;
import io.kubevip.app.controlplane.DuplicateProbe;
import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.linux.NetNamespace;
import io.kubevip.ports.out.MetricsPort;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;

/**
 * THE place where the Linux ARP adapter (module adapter-arp) plugs into the manager: addresses (tagged, nodad per
 * {@code vip_skipdad}), gratuitous ARP / unsolicited NA, the link watch and the duplicate detector. They work in the
 * process's network namespace, or in {@code kubevip_netns} when set (labs: the manager stays in its own namespace,
 * the VIPs go into the lab's). Every bean is lazy, so a context whose test supplies its own {@code @Primary}
 * {@link ArpDataPlane} never opens a netlink or packet socket. Sockets are closed after the lifecycle beans have
 * withdrawn the VIPs (Spring stops lifecycles before destroying singletons).
 */
@Configuration(proxyBeanMethods = false)
@Profile("arp")
public class ArpDataPlaneConfiguration {

  /** A holder, so "no namespace" is a bean too. */
  record DataPlaneNamespace(Optional<NetNamespace> namespace) implements AutoCloseable {
    @Override
    public void close() {
      namespace.ifPresent(NetNamespace::close);
    }
  }

  @Bean(destroyMethod = "close")
  @Lazy
  DataPlaneNamespace dataPlaneNamespace(KubevipProperties p) {
    String name = p.networkNamespace();
    if (name == null || name.isBlank()) {
      return new DataPlaneNamespace(Optional.empty());
    }
    LoggerFactory.getLogger(ArpDataPlaneConfiguration.class)
        .info("ARP data plane in network namespace {} (kubevip_netns)", name.trim());
    return new DataPlaneNamespace(Optional.of(NetNamespace.named(name.trim())));
  }

  @Bean(destroyMethod = "close")
  @Lazy
  LinuxVipAddresses linuxVipAddresses(KubevipProperties p, DataPlaneNamespace ns) {
    return ns.namespace().map(n -> LinuxVipAddresses.openIn(n, p.vip().skipDad()))
        .orElseGet(() -> LinuxVipAddresses.open(p.vip().skipDad(), p.vip().loInterfaceGlobalScope()));
  }

  @Bean(destroyMethod = "close")
  @Lazy
  LinuxL2Announcer linuxL2Announcer(DataPlaneNamespace ns) {
    return ns.namespace().map(n -> LinuxL2Announcer.openIn(n, LinuxL2Announcer.Settings.DEFAULTS, MetricsPort.NOOP))
        .orElseGet(() -> LinuxL2Announcer.open(LinuxL2Announcer.Settings.DEFAULTS, MetricsPort.NOOP));
  }

  @Bean(destroyMethod = "close")
  @Lazy
  LinuxLinkWatch linuxLinkWatch(DataPlaneNamespace ns) {
    return ns.namespace().map(LinuxLinkWatch::openIn).orElseGet(LinuxLinkWatch::open);
  }

  @Bean
  @Lazy
  LinuxDuplicateDetector linuxDuplicateDetector(DataPlaneNamespace ns) {
    return ns.namespace().map(LinuxDuplicateDetector::openIn).orElseGet(LinuxDuplicateDetector::open);
  }

  @Bean
  @Lazy
  ArpDataPlane linuxArpDataPlane(LinuxVipAddresses addresses, LinuxL2Announcer announcer, LinuxLinkWatch linkWatch,
      LinuxDuplicateDetector duplicates) {
    return new ArpDataPlane(addresses, announcer, InterfaceMonitor.over(linkWatch), DuplicateProbe.over(duplicates));
  }
}
