// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.PortException;
import io.kubevip.testkit.contract.VipAddressPortContract;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The address contract against the kernel of namespace n1, plus what only the kernel shows, read with ip -j. */
@NetnsTopology(nodes = 1, client = false)
class LinuxVipAddressesPrivilegedIT extends VipAddressPortContract<LinuxVipAddresses> {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final InterfaceName LO = InterfaceName.of("lo");
  private final Topology t;

  LinuxVipAddressesPrivilegedIT(Topology t) {
    this.t = t;
  }

  @Override
  protected LinuxVipAddresses createPort() {
    for (String dev : new String[] {"eth0", "lo"}) {
      Ip.deleteQuietly(t, "n1", dev, VIP4.toString());
      Ip.deleteQuietly(t, "n1", dev, VIP6.toString());
    }
    return LinuxVipAddresses.openIn(t.namespace("n1"), true);
  }

  @Override
  protected InterfaceName existingInterface() {
    return ETH0;
  }

  @AfterEach
  void closePort() {
    port.close();
  }

  @Test
  void givenIpv4AndIpv6Vips_whenAdded_thenIpSeesThemWithNodadOnIpv6AndRemovedAgain() {
    port.add(VIP4, ETH0);
    port.add(VIP6, ETH0);
    assertThat(Ip.address(t, "n1", "eth0", "192.0.2.10/32")).get()
        .extracting(a -> a.get("scope")).isEqualTo("global");
    Map<String, Object> v6 = Ip.address(t, "n1", "eth0", "2001:db8::10/128").orElseThrow();
    assertThat(v6.get("nodad")).isEqualTo(Boolean.TRUE);

    port.remove(VIP4, ETH0);
    port.remove(VIP6, ETH0);
    assertThat(Ip.has(t, "n1", "eth0", "192.0.2.10/32")).isFalse();
    assertThat(Ip.has(t, "n1", "eth0", "2001:db8::10/128")).isFalse();
  }

  @Test
  void givenDadWanted_whenIpv6Added_thenNoNodadFlag() {
    try (LinuxVipAddresses withDad = LinuxVipAddresses.openIn(t.namespace("n1"), false)) {
      withDad.add(VIP6, ETH0);
    }
    assertThat(Ip.address(t, "n1", "eth0", "2001:db8::10/128").orElseThrow()).doesNotContainKey("nodad");
  }

  @Test
  void givenVipWithSubnetPrefix_whenAdded_thenIpSeesThatPrefix() {
    VipAddress wide = VipAddress.parse("192.0.2.10/24");
    port.add(wide, ETH0);
    assertThat(Ip.has(t, "n1", "eth0", "192.0.2.10/24")).isTrue();
    assertThat(port.listOurs(ETH0)).contains(wide);
    port.remove(wide, ETH0);
    assertThat(Ip.has(t, "n1", "eth0", "192.0.2.10/24")).isFalse();
  }

  @Test
  void givenLoopback_whenVipAdded_thenHostScope() {
    port.add(VIP4, LO);
    assertThat(Ip.address(t, "n1", "lo", "192.0.2.10/32")).get()
        .extracting(a -> a.get("scope")).isEqualTo("host");
    assertThat(port.listOurs(LO)).containsExactly(VIP4);
  }

  @Test
  void givenSameAddressConfiguredByAdmin_whenRemoved_thenLeftInPlaceAndNotListed() {
    t.ip("n1", "addr", "add", "192.0.2.10/32", "dev", "eth0");
    port.add(VIP4, ETH0);
    port.remove(VIP4, ETH0);
    assertThat(Ip.has(t, "n1", "eth0", "192.0.2.10/32")).isTrue();
    assertThat(port.listOurs(ETH0)).doesNotContain(VIP4);
  }

  @Test
  void givenAdminsAddressAndOurs_whenRemovedTogether_thenOnlyOursGoes() {
    t.ip("n1", "addr", "add", "192.0.2.10/32", "dev", "eth0");
    port.add(VIP4, ETH0);
    VipAddress ours = VipAddress.parse("192.0.2.11/32");
    port.add(ours, ETH0);
    assertThat(port.removeAll(java.util.List.of(new io.kubevip.domain.plan.VipBinding(VIP4, ETH0),
        new io.kubevip.domain.plan.VipBinding(ours, ETH0)))).isEmpty();
    assertThat(Ip.has(t, "n1", "eth0", "192.0.2.10/32")).isTrue();
    assertThat(Ip.has(t, "n1", "eth0", "192.0.2.11/32")).isFalse();
  }

  @Test
  void givenMissingInterface_whenAdding_thenMessageNamesVipAndListsExistingInterfaces() {
    assertThatThrownBy(() -> port.add(VIP4, InterfaceName.of("eth9")))
        .isInstanceOf(PortException.class)
        .hasMessageContaining("192.0.2.10/32").hasMessageContaining("eth9")
        .hasMessageContaining("existing interfaces: lo, eth0");
  }

  @Test
  void givenPortOpenedInRootNamespace_whenAdding_thenRefusedBeforeAnyChange() {
    // kvnosuch0 exists nowhere, so even a broken guard could not change the root namespace
    try (LinuxVipAddresses root = LinuxVipAddresses.open(true)) {
      assertThatThrownBy(() -> root.add(VIP4, InterfaceName.of("kvnosuch0")))
          .isInstanceOf(PortException.class).hasMessageContaining("refused in the root network namespace");
    }
  }
}
