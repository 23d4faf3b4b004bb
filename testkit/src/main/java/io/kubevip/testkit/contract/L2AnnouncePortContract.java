// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.L2AnnouncePort;
import io.kubevip.ports.out.PortException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link L2AnnouncePort} must do; a real adapter observes frames with a capture in the namespace. */
public abstract class L2AnnouncePortContract<P extends L2AnnouncePort> {
  protected static final VipAddress VIP4 = VipAddress.parse("192.0.2.10/32");
  protected static final VipAddress VIP6 = VipAddress.parse("2001:db8::10/128");
  protected P port;

  protected abstract P createPort();

  protected abstract InterfaceName existingInterface();

  /** How many announcement bursts for {@code vip} were seen on {@code iface}. */
  protected abstract long observedBursts(P port, VipAddress vip, InterfaceName iface);

  protected InterfaceName missingInterface() {
    return InterfaceName.of("kvnosuch0");
  }

  @BeforeEach
  void createPortUnderTest() {
    port = createPort();
  }

  @Test
  void givenInterface_whenIpv4VipAnnounced_thenABurstIsSeen() {
    port.announce(VIP4, existingInterface());
    Awaitility.await().until(() -> observedBursts(port, VIP4, existingInterface()) >= 1);
  }

  @Test
  void givenInterface_whenIpv6VipAnnounced_thenABurstIsSeen() {
    port.announce(VIP6, existingInterface());
    Awaitility.await().until(() -> observedBursts(port, VIP6, existingInterface()) >= 1);
  }

  @Test
  void givenAnnounced_whenAnnouncedAgain_thenAnotherBurstIsSent() {
    port.announce(VIP4, existingInterface());
    port.announce(VIP4, existingInterface());
    Awaitility.await().until(() -> observedBursts(port, VIP4, existingInterface()) >= 2);
    assertThat(observedBursts(port, VIP6, existingInterface())).isZero();
  }

  @Test
  void givenMissingInterface_whenAnnouncing_thenPortExceptionNamingTheInterface() {
    assertThatThrownBy(() -> port.announce(VIP4, missingInterface()))
        .isInstanceOf(PortException.class).hasMessageContaining(missingInterface().name());
  }
}
