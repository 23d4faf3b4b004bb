// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.linux.NetNamespace;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.Netlink.Change;
import io.kubevip.linux.Sysctls;
import io.kubevip.linux.error.Errno;
import io.kubevip.linux.error.NetlinkException;
import io.kubevip.linux.error.NoSuchLinkException;
import io.kubevip.linux.jna.NetlinkSocket;
import io.kubevip.linux.model.Addr;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.model.Link;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Addresses and links changed by our netlink code, checked with {@code ip -j}. */
@NetnsTopology(nodes = 1, client = false)
class NetlinkAddressPrivilegedIT {

  @Test
  void givenNamespace_whenAddingAndDeletingV4AndV6_thenIpSeesThem(Topology t) {
    NetNamespace n1 = t.namespace("n1");
    n1.run(() -> {
      try (Netlink nl = Netlink.open()) {
        assertThat(nl.addAddress("eth0", Addr.parse("10.99.0.50/32"))).isEqualTo(Change.ADDED);
        assertThat(nl.addAddress("eth0", Addr.parse("fd99::50/128").withNoDad())).isEqualTo(Change.ADDED);
        assertThat(nl.addAddress("eth0", Addr.parse("10.99.0.50/32"))).isEqualTo(Change.UNCHANGED);
      }
    });
    assertThat(Kernel.addresses(t, "n1", "eth0")).contains("10.99.0.50/32", "fd99::50/128");
    assertThat(t.exec("n1", "ip", "-6", "addr", "show", "dev", "eth0").stdout())
        .containsPattern("fd99::50/128 scope global nodad");

    n1.run(() -> {
      try (Netlink nl = Netlink.open()) {
        assertThat(nl.deleteAddress("eth0", Addr.parse("10.99.0.50/32"))).isEqualTo(Change.REMOVED);
        assertThat(nl.deleteAddress("eth0", Addr.parse("fd99::50/128"))).isEqualTo(Change.REMOVED);
        assertThat(nl.deleteAddress("eth0", Addr.parse("fd99::50/128"))).isEqualTo(Change.UNCHANGED);
      }
    });
    assertThat(Kernel.addresses(t, "n1", "eth0")).doesNotContain("10.99.0.50/32", "fd99::50/128");
  }

  @Test
  void givenOurAddress_whenFreshSocketLists_thenStillOursAndForeignOneIgnored(Topology t) {
    NetNamespace n1 = t.namespace("n1");
    n1.run(() -> {
      try (Netlink first = Netlink.open()) {
        first.addAddress("eth0", Addr.parse("10.99.0.60/32"));
      }
    });
    t.ip("n1", "addr", "add", "10.99.0.61/32", "dev", "eth0");
    List<String> ours = n1.call(() -> {
      try (Netlink second = Netlink.open()) {
        assertThat(second.deleteAddress("eth0", Addr.parse("10.99.0.61/32"))).isEqualTo(Change.FOREIGN);
        return second.ourAddresses().stream().map(Addr::cidr).toList();
      }
    });
    assertThat(ours).contains("10.99.0.60/32").doesNotContain("10.99.0.61/32");
    assertThat(Kernel.addresses(t, "n1", "eth0")).contains("10.99.0.60/32", "10.99.0.61/32");
  }

  @Test
  void givenMoreAddressesThanOneDatagramHolds_whenListed_thenMultipartDumpComplete(@TempDir Path dir, Topology t)
      throws Exception {
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      batch.append("addr add 10.98.").append(i / 250).append('.').append(i % 250 + 1).append("/32 dev lo\n");
    }
    Path file = Files.writeString(dir.resolve("batch"), batch);
    t.ip("n1", "-batch", file.toString());
    List<Addr> seen = t.namespace("n1").call(() -> {
      try (Netlink nl = Netlink.open()) {
        return nl.addresses("lo");
      }
    });
    assertThat(seen).hasSize(Kernel.addresses(t, "n1", "lo").size()).hasSizeGreaterThan(600);
  }

  @Test
  void givenTentativeV6_whenListed_thenReportedTentative(Topology t) {
    List<Addr> found = t.namespace("n1").call(() -> {
      new Sysctls().set("eth0", Sysctls.Key.ACCEPT_DAD, 1);
      try (Netlink nl = Netlink.open()) {
        nl.addAddress("eth0", Addr.parse("fd99::70/128"));
        return nl.addresses("eth0");
      }
    });
    Addr a = found.stream().filter(x -> x.cidr().equals("fd99::70/128")).findFirst().orElseThrow();
    assertThat(a.isTentative()).isTrue();
    assertThat(a.isDadFailed()).isFalse();
  }

  @Test
  void givenMissingInterface_whenAddingAddress_thenErrorNamesItAndListsExisting(Topology t) {
    t.namespace("n1").run(() -> {
      try (Netlink nl = Netlink.open()) {
        assertThatThrownBy(() -> nl.addAddress("eth9", Addr.parse("10.99.0.50/32")))
            .isInstanceOf(NoSuchLinkException.class)
            .hasMessage("adding 10.99.0.50/32 to eth9: no interface named 'eth9' in this network namespace;"
                + " existing interfaces: lo, eth0");
      }
    });
  }

  @Test
  void givenParent_whenCreatingAndRemovingMacvlan_thenIpSeesBridgeModeAndChosenMac(Topology t) {
    Link created = t.namespace("n1").call(() -> {
      try (Netlink nl = Netlink.open()) {
        return nl.addMacvlan("vip0", "eth0", HardwareAddress.parse("02:00:5e:00:00:42"));
      }
    });
    assertThat(created.kind()).isEqualTo("macvlan");
    Map<String, Object> link = t.ipJson("n1", "-d", "link", "show", "dev", "vip0").get(0);
    assertThat(link.get("address")).isEqualTo("02:00:5e:00:00:42");
    assertThat(String.valueOf(link.get("linkinfo"))).contains("info_kind=macvlan").contains("mode=bridge");

    Change removed = t.namespace("n1").call(() -> {
      try (Netlink nl = Netlink.open()) {
        return nl.deleteLink("vip0");
      }
    });
    assertThat(removed).isEqualTo(Change.REMOVED);
    assertThat(t.exec("n1", "ip", "link", "show", "dev", "vip0").exitCode()).isNotZero();
  }

  @Test
  void givenParent_whenCreatingVlan_thenIpSeesVlanId(Topology t) {
    Link vlan = t.namespace("n1").call(() -> {
      try (Netlink nl = Netlink.open()) {
        return nl.addVlan("eth0.100", "eth0", 100);
      } catch (NetlinkException e) {
        Assumptions.assumeFalse(e.errno() == Errno.EOPNOTSUPP, "kernel lacks 8021q");
        throw e;
      }
    });
    assertThat(vlan.kind()).isEqualTo("vlan");
    assertThat(String.valueOf(t.ipJson("n1", "-d", "link", "show", "dev", "eth0.100").get(0).get("linkinfo")))
        .contains("id=100");
  }

  @Test
  void givenInterface_whenSettingSysctl_thenSysctlToolReadsIt(Topology t) {
    t.namespace("n1").run(() -> new Sysctls().set("eth0", Sysctls.Key.ARP_NOTIFY, 1));
    assertThat(t.exec("n1", "sysctl", "-n", "net.ipv4.conf.eth0.arp_notify").stdout().strip()).isEqualTo("1");
    int dad = t.namespace("n1").call(() -> new Sysctls().get("eth0", Sysctls.Key.ACCEPT_DAD));
    assertThat(dad).isEqualTo(Integer.parseInt(
        t.exec("n1", "sysctl", "-n", "net.ipv6.conf.eth0.accept_dad").stdout().strip()));
  }

  @Test
  void givenLinkDown_whenSetUpAgain_thenIpSeesFlags(Topology t) {
    t.namespace("n1").run(() -> {
      try (Netlink nl = Netlink.open()) {
        nl.addMacvlan("mv1", "eth0", null);
        assertThat(nl.link("mv1").isUp()).isFalse();
        nl.setLinkUp("mv1");
        assertThat(nl.link("mv1").isUp()).isTrue();
      }
    });
    assertThat(String.valueOf(t.ipJson("n1", "link", "show", "dev", "mv1").get(0).get("flags"))).contains("UP");
    t.ip("n1", "link", "del", "mv1");
  }

  @Test
  void givenThreads_whenCheckingNamespace_thenOnlyTestThreadIsRoot(Topology t) {
    assertThat(NetNamespace.isRootNamespace()).isTrue();
    assertThat(t.namespace("n1").call(NetNamespace::isRootNamespace)).isFalse();
    try (NetlinkSocket rootSocket = NetlinkSocket.open()) {
      assertThat(rootSocket.inRootNamespace()).isTrue();
    }
    assertThat(t.namespace("n1").call(() -> {
      try (NetlinkSocket s = NetlinkSocket.open()) {
        return s.inRootNamespace();
      }
    })).isFalse();
  }
}
