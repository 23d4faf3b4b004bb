// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.DuplicateAddressPort;
import io.kubevip.ports.out.PortException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
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

  /** The other host announces {@code vip} (gratuitous ARP or unsolicited NA) from {@link #otherMac()}. */
  protected abstract void announceElsewhere(VipAddress vip);

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

  @Test
  void givenMonitoredVips_whenOtherHostAnnouncesThem_thenConflictsReportedForMonitoredOnly() {
    VipAddress unmonitored = VipAddress.parse("192.0.2.31/32");
    List<String> heard = new CopyOnWriteArrayList<>();
    try (DuplicateAddressPort.Monitor m = port.monitor(existingInterface(), Set.of(VIP4, VIP6),
        (vip, iface, mac) -> heard.add(vip + "@" + iface + " " + mac))) {
      announceElsewhere(unmonitored);
      announceElsewhere(VIP4);
      announceElsewhere(VIP6);
      String v4 = VIP4 + "@" + existingInterface() + " " + otherMac();
      String v6 = VIP6 + "@" + existingInterface() + " " + otherMac();
      Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> heard.contains(v4) && heard.contains(v6));
      assertThat(heard).allMatch(h -> h.equals(v4) || h.equals(v6));
    }
  }

  @Test
  void givenClosedMonitor_whenOtherHostAnnounces_thenNothingReported() {
    List<String> closed = new CopyOnWriteArrayList<>();
    List<String> open = new CopyOnWriteArrayList<>();
    DuplicateAddressPort.Monitor first = port.monitor(existingInterface(), Set.of(VIP4), (v, i, mac) -> closed.add(mac));
    first.close();
    try (DuplicateAddressPort.Monitor barrier = port.monitor(existingInterface(), Set.of(VIP4),
        (v, i, mac) -> open.add(mac))) {
      announceElsewhere(VIP4);
      Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> open.contains(otherMac()));
      assertThat(closed).isEmpty();
    }
  }

  @Test
  void givenMissingInterface_whenMonitoring_thenPortExceptionNamingTheInterface() {
    assertThatThrownBy(() -> port.monitor(missingInterface(), Set.of(VIP4), (v, i, mac) -> { }))
        .isInstanceOf(PortException.class).hasMessageContaining(missingInterface().name());
  }
}
