// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import static io.kubevip.linux.wire.netlink.NetlinkConstants.*;

import io.kubevip.linux.model.Addr;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.model.Route;
import io.kubevip.linux.wire.netlink.IfAddrMsg;
import io.kubevip.linux.wire.netlink.IfInfoMsg;
import io.kubevip.linux.wire.netlink.NdMsg;
import io.kubevip.linux.wire.netlink.RtAttr;
import io.kubevip.linux.wire.netlink.RtMsg;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;

/** Payloads of the requests {@link Netlink} sends, kept apart so their bytes can be unit-tested. */
final class NetlinkRequests {
  private NetlinkRequests() {}

  static IfInfoMsg allLinks() {
    return new IfInfoMsg(AF_UNSPEC, 0, 0, 0, 0, List.of());
  }

  static IfInfoMsg setUp(int index, boolean up) {
    return new IfInfoMsg(AF_UNSPEC, 0, index, up ? IFF_UP : 0, IFF_UP, List.of());
  }

  static IfInfoMsg deleteLink(int index) {
    return new IfInfoMsg(AF_UNSPEC, 0, index, 0, 0, List.of());
  }

  /** {@code ip link add NAME link PARENT [address MAC] type macvlan mode bridge}. */
  static IfInfoMsg macvlan(String name, int parentIndex, HardwareAddress mac) {
    List<RtAttr> attrs = new ArrayList<>();
    attrs.add(RtAttr.ofString(IFLA_IFNAME, name));
    attrs.add(RtAttr.ofU32(IFLA_LINK, parentIndex));
    if (mac != null) {
      attrs.add(new RtAttr(IFLA_ADDRESS, mac.bytes()));
    }
    attrs.add(RtAttr.nested(IFLA_LINKINFO, List.of(
        RtAttr.ofString(IFLA_INFO_KIND, "macvlan"),
        RtAttr.nested(IFLA_INFO_DATA, List.of(RtAttr.ofU32(IFLA_MACVLAN_MODE, MACVLAN_MODE_BRIDGE))))));
    return new IfInfoMsg(AF_UNSPEC, 0, 0, 0, 0, attrs);
  }

  /** {@code ip link add NAME link PARENT type vlan id VID} (802.1Q). */
  static IfInfoMsg vlan(String name, int parentIndex, int vlanId) {
    if (vlanId < 1 || vlanId > 4094) {
      throw new IllegalArgumentException("VLAN id must be 1..4094, was " + vlanId);
    }
    return new IfInfoMsg(AF_UNSPEC, 0, 0, 0, 0, List.of(
        RtAttr.ofString(IFLA_IFNAME, name),
        RtAttr.ofU32(IFLA_LINK, parentIndex),
        RtAttr.nested(IFLA_LINKINFO, List.of(
            RtAttr.ofString(IFLA_INFO_KIND, "vlan"),
            RtAttr.nested(IFLA_INFO_DATA, List.of(
                RtAttr.ofU16(IFLA_VLAN_ID, vlanId),
                RtAttr.ofU16Be(IFLA_VLAN_PROTOCOL, ETH_P_8021Q)))))));
  }

  static IfAddrMsg allAddrs() {
    return new IfAddrMsg(AF_UNSPEC, 0, 0, 0, 0, List.of());
  }

  /** RTM_NEWADDR body: IFA_LOCAL + IFA_ADDRESS, IFA_LABEL, all flags in IFA_FLAGS, and IFA_PROTO. */
  static IfAddrMsg newAddr(int index, Addr a, int protocol) {
    List<RtAttr> attrs = new ArrayList<>(addressAttrs(a));
    if (!a.label().isEmpty() && !a.isIpv6()) {
      attrs.add(RtAttr.ofString(IFA_LABEL, a.label()));
    }
    attrs.add(RtAttr.ofU32(IFA_FLAGS, a.flags()));
    attrs.add(RtAttr.ofU8(IFA_PROTO, protocol));
    return new IfAddrMsg(family(a), a.prefixLength(), a.flags() & 0xff, a.scope(), index, attrs);
  }

  static IfAddrMsg delAddr(int index, Addr a) {
    return new IfAddrMsg(family(a), a.prefixLength(), 0, 0, index, addressAttrs(a));
  }

  private static List<RtAttr> addressAttrs(Addr a) {
    byte[] ip = a.address().getAddress();
    return List.of(new RtAttr(IFA_LOCAL, ip), new RtAttr(IFA_ADDRESS, ip));
  }

  private static int family(Addr a) {
    return a.isIpv6() ? AF_INET6 : AF_INET;
  }

  static RtMsg allRoutes() {
    return new RtMsg(AF_UNSPEC, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
  }

  /** RTM_NEWROUTE/RTM_DELROUTE body; the table always travels in RTA_TABLE (ids above 255). */
  static RtMsg route(Route r) {
    List<RtAttr> attrs = new ArrayList<>();
    if (r.prefixLength() > 0) {
      attrs.add(new RtAttr(RTA_DST, r.destination().getAddress()));
    }
    if (r.gateway() != null) {
      attrs.add(new RtAttr(RTA_GATEWAY, r.gateway().getAddress()));
    }
    if (r.outputLinkIndex() != 0) {
      attrs.add(RtAttr.ofU32(RTA_OIF, r.outputLinkIndex()));
    }
    if (r.priority() != 0) {
      attrs.add(RtAttr.ofU32(RTA_PRIORITY, r.priority()));
    }
    attrs.add(RtAttr.ofU32(RTA_TABLE, r.table()));
    int family = r.destination() instanceof Inet6Address ? AF_INET6 : AF_INET;
    int table = r.table() < 256 ? r.table() : RT_TABLE_UNSPEC;
    return new RtMsg(family, r.prefixLength(), 0, 0, table, r.protocol(), r.scope(), r.type(), 0, attrs);
  }

  /**
   * RTM_DELROUTE body matching like {@code ip route del}: any type (0) and any scope
   * (RT_SCOPE_NOWHERE), but the given table, protocol, output link and gateway.
   */
  static RtMsg routeDelete(Route r) {
    RtMsg m = route(r);
    return new RtMsg(m.family(), m.dstLength(), 0, 0, m.table(), m.protocol(), RT_SCOPE_NOWHERE, 0, 0, m.attrs());
  }

  static NdMsg allNeighs() {
    return new NdMsg(AF_UNSPEC, 0, 0, 0, 0, List.of());
  }
}
