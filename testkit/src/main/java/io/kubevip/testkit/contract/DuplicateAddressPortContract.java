// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.DuplicateAddressPort;
import io.kubevip.ports.out.PortException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DuplicateAddressPort} must do; a real adapter needs another host on the link. */
public abstract class DuplicateAddressPortContract<P extends DuplicateAddressPort> {
  protected static final VipAddress VIP4 = VipAddress.parse("192.0.2.30/32");
  protected static final VipAddress VIP6 = VipAddress.parse("2001:db8::30/128");
  protected static final Duration WINDOW = Duration.ofMillis(300);
  protected P port;

  /** A fresh port; nobody on the link holds the contract's VIPs. */
  protected abstract P createPort();

  protected abstract InterfaceName existingInterface();

  /** The link-layer address of {@link #existingInterface()}, lower-case aa:bb:cc:dd:ee:ff. */
  protected abstract String ownMac();

  /** Another host on the link starts answering for {@code vip}. */
  protected abstract void claimElsewhere(VipAddress vip);

  /** The other host stops answering for {@code vip}. */
  protected abstract void releaseElsewhere(VipAddress vip);

  /** The other host's link-layer address, lower-case. */
  protected abstract String otherMac();

  protected InterfaceName missingInterface() {
    return InterfaceName.of("kvnosuch0");
  }

  @BeforeEach
  void createPortUnderTest() {
    port = createPort();
  }

  @Test
  void givenNobodyHoldsIpv4Vip_whenProbed_thenNoAnswer() {
    assertThat(port.probe(VIP4, existingInterface(), WINDOW)).isEmpty();
  }

  @Test
  void givenNobodyHoldsIpv6Vip_whenProbed_thenNoAnswer() {
    assertThat(port.probe(VIP6, existingInterface(), WINDOW)).isEmpty();
  }

  @Test
  void givenOtherHostHoldsIpv4Vip_whenProbed_thenItsMacReported() {
    claimElsewhere(VIP4);
    try {
      assertThat(port.probe(VIP4, existingInterface(), WINDOW)).containsExactly(otherMac()).doesNotContain(ownMac());
    } finally {
      releaseElsewhere(VIP4);
    }
  }

  @Test
  void givenOtherHostHoldsIpv6Vip_whenProbed_thenItsMacReported() {
    claimElsewhere(VIP6);
    try {
      assertThat(port.probe(VIP6, existingInterface(), WINDOW)).containsExactly(otherMac()).doesNotContain(ownMac());
    } finally {
      releaseElsewhere(VIP6);
    }
  }

  @Test
  void givenOtherHostReleasedVip_whenProbedAgain_thenNoAnswer() {
    claimElsewhere(VIP4);
    releaseElsewhere(VIP4);
    assertThat(port.probe(VIP4, existingInterface(), WINDOW)).isEmpty();
  }

  @Test
  void givenMissingInterface_whenProbing_thenPortExceptionNamingTheInterface() {
    assertThatThrownBy(() -> port.probe(VIP4, missingInterface(), WINDOW))
        .isInstanceOf(PortException.class).hasMessageContaining(missingInterface().name());
  }
}
