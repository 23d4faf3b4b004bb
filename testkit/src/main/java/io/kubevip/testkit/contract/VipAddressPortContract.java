// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.VipAddressPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link VipAddressPort} must do. */
public abstract class VipAddressPortContract<P extends VipAddressPort> {
  protected static final VipAddress VIP4 = VipAddress.parse("192.0.2.10/32");
  protected static final VipAddress VIP6 = VipAddress.parse("2001:db8::10/128");
  protected P port;

  /** A fresh port whose {@link #existingInterface()} exists and carries none of our VIPs. */
  protected abstract P createPort();

  protected abstract InterfaceName existingInterface();

  protected InterfaceName missingInterface() {
    return InterfaceName.of("kvnosuch0");
  }

  @BeforeEach
  void createPortUnderTest() {
    port = createPort();
  }

  @Test
  void givenNoVip_whenAdded_thenListedAsOurs() {
    port.add(VIP4, existingInterface());
    assertThat(port.listOurs(existingInterface())).contains(VIP4);
  }

  @Test
  void givenIpv6Vip_whenAdded_thenListedAsOurs() {
    port.add(VIP6, existingInterface());
    assertThat(port.listOurs(existingInterface())).contains(VIP6);
  }

  @Test
  void givenAddedVip_whenAddedAgain_thenNoErrorAndListedOnce() {
    port.add(VIP4, existingInterface());
    port.add(VIP4, existingInterface());
    assertThat(port.listOurs(existingInterface())).containsOnlyOnce(VIP4);
  }

  @Test
  void givenAddedVip_whenRemoved_thenNoLongerListed() {
    port.add(VIP4, existingInterface());
    port.add(VIP6, existingInterface());
    port.remove(VIP4, existingInterface());
    assertThat(port.listOurs(existingInterface())).doesNotContain(VIP4).contains(VIP6);
  }

  @Test
  void givenSeveralVips_whenRemovedTogether_thenTheNamedOnesGoAndAbsentOrMissingInterfacesAreNoError() {
    port.add(VIP4, existingInterface());
    port.add(VIP6, existingInterface());
    var failed = port.removeAll(java.util.List.of(
        new io.kubevip.domain.plan.VipBinding(VIP4, existingInterface()),
        new io.kubevip.domain.plan.VipBinding(VIP6, existingInterface()),
        new io.kubevip.domain.plan.VipBinding(io.kubevip.domain.address.VipAddress.parse("192.0.2.99/32"),
            existingInterface()),
        new io.kubevip.domain.plan.VipBinding(VIP4, missingInterface())));
    assertThat(failed).isEmpty();
    assertThat(port.listOurs(existingInterface())).doesNotContain(VIP4, VIP6);
  }

  @Test
  void givenAbsentVip_whenRemoved_thenNoError() {
    port.remove(VIP4, existingInterface());
    assertThat(port.listOurs(existingInterface())).doesNotContain(VIP4);
  }

  @Test
  void givenMissingInterface_whenAdding_thenPortExceptionNamingTheInterface() {
    assertThatThrownBy(() -> port.add(VIP4, missingInterface()))
        .isInstanceOf(PortException.class).hasMessageContaining(missingInterface().name());
  }

  @Test
  void givenOurVipsOnAnInterface_whenListingEverywhere_thenTheyAreListedUnderItUntilRemoved() {
    port.add(VIP4, existingInterface());
    port.add(VIP6, existingInterface());
    assertThat(port.listAllOurs().get(existingInterface())).containsExactlyInAnyOrder(VIP4, VIP6);
    port.remove(VIP4, existingInterface());
    port.remove(VIP6, existingInterface());
    assertThat(port.listAllOurs()).doesNotContainKey(existingInterface());
  }

  @Test
  void givenMissingInterface_whenListing_thenEmpty() {
    assertThat(port.listOurs(missingInterface())).isEmpty();
  }
}
