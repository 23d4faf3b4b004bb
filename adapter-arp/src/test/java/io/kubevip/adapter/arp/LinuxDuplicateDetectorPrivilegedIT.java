// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.DuplicateAddressPort;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.testkit.contract.DuplicateAddressPortContract;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Probes from n1 on the shared LAN; n2 (configured with ip) is the other host holding the VIP. */
@NetnsTopology(nodes = 2, client = false)
class LinuxDuplicateDetectorPrivilegedIT extends DuplicateAddressPortContract<LinuxDuplicateDetector> {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private final Topology t;

  LinuxDuplicateDetectorPrivilegedIT(Topology t) {
    this.t = t;
  }

  @Override
  protected LinuxDuplicateDetector createPort() {
    for (VipAddress vip : List.of(VIP4, VIP6)) {
      Ip.deleteQuietly(t, "n1", "eth0", vip.toString());
      Ip.deleteQuietly(t, "n2", "eth0", vip.toString());
    }
    return LinuxDuplicateDetector.openIn(t.namespace("n1"));
  }

  @Override
  protected InterfaceName existingInterface() {
    return ETH0;
  }

  @Override
  protected String ownMac() {
    return t.mac("n1");
  }

  @Override
  protected void claimElsewhere(VipAddress vip) {
    t.ip("n2", "addr", "add", vip.toString(), "dev", "eth0", "nodad");
  }

  @Override
  protected void releaseElsewhere(VipAddress vip) {
    t.ip("n2", "addr", "del", vip.toString(), "dev", "eth0");
  }

  @Override
  protected String otherMac() {
    return t.mac("n2");
  }

  @Override
  protected void announceElsewhere(VipAddress vip) {
    try (LinuxL2Announcer n2 = LinuxL2Announcer.openIn(t.namespace("n2"),
        new LinuxL2Announcer.Settings(LinuxL2Announcer.ArpForm.REPLY, 1, Duration.ZERO), MetricsPort.NOOP)) {
      n2.announce(vip, ETH0);
    }
  }

  @Test
  void givenMonitorOnN1_whenN1ItselfAnnounces_thenNothingReportedButN2Is() {
    List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (DuplicateAddressPort.Monitor m = port.monitor(ETH0, java.util.Set.of(VIP4), (v, i, mac) -> heard.add(mac));
        LinuxL2Announcer n1 = LinuxL2Announcer.openIn(t.namespace("n1"), LinuxL2Announcer.Settings.DEFAULTS,
            MetricsPort.NOOP)) {
      n1.announce(VIP4, ETH0);
      announceElsewhere(VIP4);
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> heard.contains(t.mac("n2")));
      assertThat(heard).containsOnly(t.mac("n2"));
    }
  }

  @Test
  void givenBothNodesHoldVip_whenN1Probes_thenOnlyN2Reported() {
    t.ip("n1", "addr", "add", VIP4.toString(), "dev", "eth0");
    t.ip("n1", "addr", "add", VIP6.toString(), "dev", "eth0", "nodad");
    claimElsewhere(VIP4);
    claimElsewhere(VIP6);
    assertThat(port.probe(VIP4, ETH0, WINDOW)).containsExactly(t.mac("n2"));
    assertThat(port.probe(VIP6, ETH0, WINDOW)).containsExactly(t.mac("n2"));
  }

  @Test
  void givenN2HoldsVip_whenProbed_thenN2LearnsNoNeighbourEntryForN1() {
    claimElsewhere(VIP4);
    t.exec("n2", "ip", "neigh", "flush", "dev", "eth0");
    port.probe(VIP4, ETH0, WINDOW);
    assertThat(t.ipJson("n2", "neigh", "show", "dev", "eth0"))
        .noneMatch(n -> t.mac("n1").equals(n.get("lladdr")));
  }

  @Test
  void givenZeroWindow_whenProbing_thenErrorNamesTheValue() {
    assertThatThrownBy(() -> port.probe(VIP4, ETH0, Duration.ZERO))
        .hasMessage("probe window must be more than 0 and at most 10s, was PT0S");
  }
}
