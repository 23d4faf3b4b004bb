// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import static io.kubevip.linux.wire.netlink.NetlinkConstants.*;

import io.kubevip.linux.model.Addr;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.model.Link;
import io.kubevip.linux.model.Neigh;
import io.kubevip.linux.model.OperState;
import io.kubevip.linux.model.Route;
import io.kubevip.linux.wire.InetBytes;
import io.kubevip.linux.wire.netlink.IfAddrMsg;
import io.kubevip.linux.wire.netlink.IfInfoMsg;
import io.kubevip.linux.wire.netlink.NdMsg;
import io.kubevip.linux.wire.netlink.RtAttr;
import io.kubevip.linux.wire.netlink.RtMsg;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** Kernel messages to model records. */
final class ModelMapping {
  private ModelMapping() {}

  static Link link(IfInfoMsg m) {
    List<RtAttr> a = m.attrs();
    String kind = RtAttr.find(a, IFLA_LINKINFO)
        .flatMap(li -> RtAttr.find(li.asNested(), IFLA_INFO_KIND))
        .map(RtAttr::asString)
        .orElse("");
    boolean carrier = RtAttr.find(a, IFLA_CARRIER).map(c -> c.asU8() != 0)
        .orElse((m.flags() & IFF_LOWER_UP) != 0);
    return new Link(
        m.index(),
        RtAttr.find(a, IFLA_IFNAME).map(RtAttr::asString).orElse(""),
        new HardwareAddress(RtAttr.find(a, IFLA_ADDRESS).map(RtAttr::value).orElse(new byte[0])),
        RtAttr.find(a, IFLA_MTU).map(RtAttr::asU32).orElse(0),
        m.flags(),
        OperState.of(RtAttr.find(a, IFLA_OPERSTATE).map(RtAttr::asU8).orElse(0)),
        carrier,
        m.type(),
        kind,
        RtAttr.find(a, IFLA_LINK).map(RtAttr::asU32).orElse(0));
  }

  static Addr addr(IfAddrMsg m) {
    List<RtAttr> a = m.attrs();
    byte[] ip = RtAttr.find(a, IFA_LOCAL).or(() -> RtAttr.find(a, IFA_ADDRESS))
        .map(RtAttr::value).orElse(new byte[m.family() == AF_INET6 ? 16 : 4]);
    return new Addr(
        m.index(),
        InetBytes.of(ip),
        m.prefixLength(),
        m.scope(),
        RtAttr.find(a, IFA_LABEL).map(RtAttr::asString).orElse(""),
        RtAttr.find(a, IFA_FLAGS).map(RtAttr::asU32).orElse(m.flags()),
        RtAttr.find(a, IFA_PROTO).map(RtAttr::asU8).orElse(0));
  }

  static Route route(RtMsg m) {
    List<RtAttr> a = m.attrs();
    int len = m.family() == AF_INET6 ? 16 : 4;
    InetAddress dst = InetBytes.of(RtAttr.find(a, RTA_DST).map(RtAttr::value).orElse(new byte[len]));
    InetAddress gw = RtAttr.find(a, RTA_GATEWAY).map(g -> InetBytes.of(g.value())).orElse(null);
    return new Route(
        dst,
        m.dstLength(),
        gw,
        RtAttr.find(a, RTA_OIF).map(RtAttr::asU32).orElse(0),
        RtAttr.find(a, RTA_TABLE).map(RtAttr::asU32).orElse(m.table()),
        m.protocol(),
        m.type(),
        m.scope(),
        RtAttr.find(a, RTA_PRIORITY).map(RtAttr::asU32).orElse(0));
  }

  static Optional<Neigh> neigh(NdMsg m) {
    Optional<RtAttr> dst = RtAttr.find(m.attrs(), NDA_DST);
    if (dst.isEmpty() || (m.family() != AF_INET && m.family() != AF_INET6)) {
      return Optional.empty();
    }
    HardwareAddress mac = RtAttr.find(m.attrs(), NDA_LLADDR)
        .map(l -> new HardwareAddress(l.value())).orElse(null);
    return Optional.of(new Neigh(m.index(), InetBytes.of(dst.get().value()), mac, m.state()));
  }
}
