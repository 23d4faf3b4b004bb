// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import static io.kubevip.linux.wire.netlink.NetlinkConstants.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.model.Route;
import io.kubevip.linux.wire.netlink.NetlinkMessage;
import io.kubevip.linux.wire.netlink.RtMsg;
import io.kubevip.linux.wire.netlink.RtAttr;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Byte-exact request checks, for what this kernel cannot run (no 8021q module). */
class NetlinkRequestsTest {

  @Test
  void givenVlan_whenEncoded_thenBytesMatchIproute2Layout() {
    Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "golden bytes are little-endian");
    byte[] b = new NetlinkMessage(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 7, 0,
        NetlinkRequests.vlan("eth0.100", 2, 100)).encode();
    String expected =
        "5c000000" + "1000" + "0506" + "07000000" + "00000000"      // nlmsghdr len 92, RTM_NEWLINK
        + "00" + "00" + "0000" + "00000000" + "00000000" + "00000000" // ifinfomsg
        + "0d00" + "0300" + "657468302e31303000" + "000000"           // IFLA_IFNAME "eth0.100\0"
        + "0800" + "0500" + "02000000"                                // IFLA_LINK 2
        + "2400" + "1200"                                             // IFLA_LINKINFO (36)
        + "0900" + "0100" + "766c616e00" + "000000"                   //   IFLA_INFO_KIND "vlan\0"
        + "1400" + "0200"                                             //   IFLA_INFO_DATA (20)
        + "0600" + "0100" + "6400" + "0000"                           //     IFLA_VLAN_ID 100
        + "0600" + "0500" + "8100" + "0000";                          //     IFLA_VLAN_PROTOCOL 802.1Q (BE)
    assertThat(HexFormat.of().formatHex(b)).isEqualTo(expected);
  }

  @Test
  void givenVlanIdOutOfRange_whenBuilt_thenErrorNamesRange() {
    assertThatThrownBy(() -> NetlinkRequests.vlan("v", 2, 4095)).hasMessageContaining("1..4094, was 4095");
  }

  @Test
  void givenMacvlan_whenBuilt_thenBridgeModeAndChosenMac() {
    var m = NetlinkRequests.macvlan("vip0", 2, HardwareAddress.parse("02:00:00:00:00:99"));
    assertThat(RtAttr.find(m.attrs(), IFLA_ADDRESS).orElseThrow().value())
        .containsExactly(2, 0, 0, 0, 0, 0x99);
    var info = RtAttr.find(m.attrs(), IFLA_LINKINFO).orElseThrow().asNested();
    assertThat(RtAttr.find(info, IFLA_INFO_KIND).orElseThrow().asString()).isEqualTo("macvlan");
    var data = RtAttr.find(info, IFLA_INFO_DATA).orElseThrow().asNested();
    assertThat(RtAttr.find(data, IFLA_MACVLAN_MODE).orElseThrow().asU32()).isEqualTo(MACVLAN_MODE_BRIDGE);
  }

  @Test
  void givenRouteInTableAbove255_whenBuilt_thenTableInRtaTableOnly() {
    RtMsg m = NetlinkRequests.route(Route.to("10.99.1.0/24").inTable(1000).withProtocol(248));
    assertThat(m.table()).isEqualTo(RT_TABLE_UNSPEC);
    assertThat(RtAttr.find(m.attrs(), RTA_TABLE).orElseThrow().asU32()).isEqualTo(1000);
    assertThat(m.protocol()).isEqualTo(248);
    RtMsg small = NetlinkRequests.route(Route.to("fd99:1::/64").inTable(198));
    assertThat(small.table()).isEqualTo(198);
    assertThat(small.family()).isEqualTo(AF_INET6);
  }
}
