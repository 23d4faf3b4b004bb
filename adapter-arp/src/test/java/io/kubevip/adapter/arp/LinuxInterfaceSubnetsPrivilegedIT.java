// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.testkit.contract.InterfaceSubnetsPortContract;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The auto-interface contract against the kernel of namespace n1: eth0 (on the LAN) and dum0 (one end of a veth pair inside n1). */
@NetnsTopology(nodes = 1, client = false)
class LinuxInterfaceSubnetsPrivilegedIT extends InterfaceSubnetsPortContract<LinuxInterfaceSubnets> {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final InterfaceName DUM0 = InterfaceName.of("dum0");
  private static final String[] SUBNETS = {"198.51.100.1/24", "198.51.100.129/25", "2001:db8:5::1/64",
      "198.51.100.50/24"};
  private final Topology t;
  private LinuxVipAddresses ours;

  LinuxInterfaceSubnetsPrivilegedIT(Topology t) {
    this.t = t;
  }

  @Override
  protected LinuxInterfaceSubnets createPort() {
    t.exec("n1", "ip", "link", "del", "dum0");
    // no dummy module here: a veth pair with both ends inside n1
    t.ip("n1", "link", "add", "dum0", "type", "veth", "peer", "name", "dum0p");
    t.ip("n1", "link", "set", "dum0p", "up");
    t.ip("n1", "link", "set", "dum0", "up");
    for (String cidr : SUBNETS) {
      Ip.deleteQuietly(t, "n1", "eth0", cidr);
    }
    ours = LinuxVipAddresses.openIn(t.namespace("n1"), true);
    return LinuxInterfaceSubnets.openIn(t.namespace("n1"));
  }

  @AfterEach
  void cleanUp() {
    if (port != null) {
      port.close();
    }
    if (ours != null) {
      ours.close();
    }
    for (String cidr : SUBNETS) {
      Ip.deleteQuietly(t, "n1", "eth0", cidr);
    }
    t.exec("n1", "ip", "link", "del", "dum0");
  }

  @Override
  protected InterfaceName firstInterface() {
    return ETH0;
  }

  @Override
  protected InterfaceName secondInterface() {
    return DUM0;
  }

  @Override
  protected void addSubnet(InterfaceName iface, String cidr) {
    if (cidr.contains(":")) {
      t.ip("n1", "addr", "add", cidr, "dev", iface.name(), "nodad");
    } else {
      t.ip("n1", "addr", "add", cidr, "dev", iface.name());
    }
  }

  @Override
  protected void addOwnVip(InterfaceName iface, VipAddress vip) {
    ours.add(vip, iface);
  }

  @Test
  void givenTheLabLan_whenVipInItsSubnet_thenEth0() {
    assertThat(port.interfaceFor(VipAddress.parse("10.99.0.200"))).contains(ETH0);
    assertThat(port.interfaceFor(VipAddress.parse("fd99::200"))).contains(ETH0);
  }
}
