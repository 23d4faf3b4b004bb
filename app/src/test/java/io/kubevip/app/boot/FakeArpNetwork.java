// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.controlplane.DuplicateProbe;
import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the Linux ARP data plane with fakes: no address is added and no packet sent anywhere. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeArpNetwork {
  static final InterfaceName ETH0 = InterfaceName.of("eth0");

  @Bean
  FakeVipAddressPort fakeAddresses() {
    return new FakeVipAddressPort(ETH0);
  }

  @Bean
  FakeL2AnnouncePort fakeAnnouncer() {
    return new FakeL2AnnouncePort(ETH0);
  }

  @Bean
  @Primary
  ArpDataPlane fakeArpDataPlane(FakeVipAddressPort addresses, FakeL2AnnouncePort announcer) {
    return new ArpDataPlane(addresses, announcer, InterfaceMonitor.NONE, DuplicateProbe.NONE);
  }
}
