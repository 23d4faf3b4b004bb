// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.InterfaceSubnetsPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InterfaceSubnetsPort} must do: kube-vip's {@code auto} interface is the one with an address whose
 * prefix contains the VIP; the longest prefix wins; our own (tagged) VIPs never count. The subnets used here
 * (198.51.100.0/24, 198.51.100.128/25, 2001:db8:5::/64) must not be on the test interfaces before the test.
 */
public abstract class InterfaceSubnetsPortContract<P extends InterfaceSubnetsPort> {
  protected P port;

  /** A fresh port over a node with {@link #firstInterface()} and {@link #secondInterface()}, both up. */
  protected abstract P createPort();

  protected abstract InterfaceName firstInterface();

  protected abstract InterfaceName secondInterface();

  /** The administrator configures {@code cidr} (address/prefix) on {@code iface}. */
  protected abstract void addSubnet(InterfaceName iface, String cidr);

  /** This product adds {@code vip} (with its prefix) to {@code iface}, tagged as ours. */
  protected abstract void addOwnVip(InterfaceName iface, VipAddress vip);

  @BeforeEach
  void createPortUnderTest() {
    port = createPort();
  }

  @Test
  void givenSubnetOnAnInterface_whenVipInIt_thenThatInterface() {
    addSubnet(secondInterface(), "198.51.100.1/24");
    assertThat(port.interfaceFor(VipAddress.parse("198.51.100.77"))).contains(secondInterface());
  }

  @Test
  void givenNoSubnetHoldsTheVip_whenAsked_thenEmpty() {
    addSubnet(secondInterface(), "198.51.100.1/24");
    assertThat(port.interfaceFor(VipAddress.parse("203.0.113.9"))).isEmpty();
  }

  @Test
  void givenIpv6Subnet_whenIpv6VipInIt_thenThatInterface_andIpv4OfSameBitsNotMatched() {
    addSubnet(secondInterface(), "2001:db8:5::1/64");
    assertThat(port.interfaceFor(VipAddress.parse("2001:db8:5::99"))).contains(secondInterface());
    assertThat(port.interfaceFor(VipAddress.parse("32.1.13.184"))).isEmpty();
  }

  @Test
  void givenOverlappingSubnetsOnTwoInterfaces_whenAsked_thenLongestPrefixWins() {
    addSubnet(firstInterface(), "198.51.100.1/24");
    addSubnet(secondInterface(), "198.51.100.129/25");
    assertThat(port.interfaceFor(VipAddress.parse("198.51.100.200"))).contains(secondInterface());
    assertThat(port.interfaceFor(VipAddress.parse("198.51.100.20"))).contains(firstInterface());
  }

  @Test
  void givenOnlyOurOwnVipWithAWidePrefix_whenAsked_thenItDoesNotCount() {
    addOwnVip(secondInterface(), VipAddress.parse("198.51.100.50/24"));
    assertThat(port.interfaceFor(VipAddress.parse("198.51.100.77"))).isEmpty();
  }

  @Test
  void givenSnapshot_whenAskedAboutSeveralVips_thenItAnswersAsThePortDidWhenTaken() {
    addSubnet(firstInterface(), "198.51.100.1/24");
    addSubnet(secondInterface(), "2001:db8:5::1/64");
    InterfaceSubnetsPort snapshot = port.snapshot();
    assertThat(snapshot.interfaceFor(VipAddress.parse("198.51.100.77"))).contains(firstInterface());
    assertThat(snapshot.interfaceFor(VipAddress.parse("2001:db8:5::99"))).contains(secondInterface());
    assertThat(snapshot.interfaceFor(VipAddress.parse("203.0.113.9"))).isEmpty();
  }

  @Test
  void givenDhcpMarker_whenAsked_thenEmpty() {
    addSubnet(secondInterface(), "198.51.100.1/24");
    assertThat(port.interfaceFor(VipAddress.dhcpMarker(IpFamily.IPV4))).isEmpty();
  }
}
