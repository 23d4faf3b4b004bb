// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire;

import static io.kubevip.linux.wire.netlink.NetlinkConstants.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.linux.wire.netlink.IfAddrMsg;
import io.kubevip.linux.wire.netlink.IfInfoMsg;
import io.kubevip.linux.wire.netlink.NdMsg;
import io.kubevip.linux.wire.netlink.NetlinkMessage;
import io.kubevip.linux.wire.netlink.NlMsgDone;
import io.kubevip.linux.wire.netlink.NlMsgErr;
import io.kubevip.linux.wire.netlink.OpaquePayload;
import io.kubevip.linux.wire.netlink.RtAttr;
import io.kubevip.linux.wire.netlink.RtMsg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetlinkMessageTest {

  static List<NetlinkMessage> samples() {
    List<RtAttr> linkAttrs =
        List.of(
            RtAttr.ofString(IFLA_IFNAME, "vip0"),
            RtAttr.ofU32(IFLA_LINK, 2),
            RtAttr.nested(
                IFLA_LINKINFO,
                List.of(
                    RtAttr.ofString(IFLA_INFO_KIND, "macvlan"),
                    RtAttr.nested(IFLA_INFO_DATA, List.of(RtAttr.ofU32(IFLA_MACVLAN_MODE, 4))))));
    List<RtAttr> addrAttrs =
        List.of(
            new RtAttr(IFA_LOCAL, new byte[] {10, 99, 0, 50}),
            new RtAttr(IFA_ADDRESS, new byte[] {10, 99, 0, 50}),
            RtAttr.ofU32(IFA_FLAGS, IFA_F_NODAD),
            RtAttr.ofU8(IFA_PROTO, 248),
            RtAttr.ofString(IFA_LABEL, "eth0:vip"));
    List<RtAttr> routeAttrs =
        List.of(
            new RtAttr(RTA_DST, new byte[] {10, 99, 0, 50}),
            RtAttr.ofU32(RTA_OIF, 2),
            RtAttr.ofU32(RTA_TABLE, 198));
    return List.of(
        new NetlinkMessage(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 1, 0,
            new IfInfoMsg(AF_UNSPEC, 0, 0, IFF_UP, IFF_UP, linkAttrs)),
        new NetlinkMessage(RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK, 2, 0,
            new IfAddrMsg(AF_INET, 32, 0, 0, 2, addrAttrs)),
        new NetlinkMessage(RTM_NEWROUTE, NLM_F_REQUEST, 3, 0,
            new RtMsg(AF_INET, 32, 0, 0, RT_TABLE_UNSPEC, 248, RT_SCOPE_LINK, RTN_UNICAST, 0, routeAttrs)),
        new NetlinkMessage(RTM_NEWNEIGH, NLM_F_MULTI, 4, 99,
            new NdMsg(AF_INET, 3, 2, 0, 1, List.of(new RtAttr(NDA_LLADDR, new byte[] {2, 0, 0, 0, 0, 1})))),
        new NetlinkMessage(NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS, 5, 0,
            new NlMsgErr(-1, RTM_NEWADDR, 5, "Operation not permitted")),
        new NetlinkMessage(NLMSG_ERROR, NLM_F_CAPPED, 6, 0, new NlMsgErr(0, RTM_DELADDR, 6, null)),
        new NetlinkMessage(NLMSG_DONE, NLM_F_MULTI, 7, 0, new NlMsgDone(0)),
        new NetlinkMessage(0x77, 0, 8, 0, new OpaquePayload(new byte[] {1, 2, 3, 4})));
  }

  private static ByteBuffer nat(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
  }

  @Test
  void givenEveryMessageType_whenEncodedAndDecoded_thenEqual() {
    for (NetlinkMessage m : samples()) {
      assertThat(NetlinkMessage.parseAll(nat(m.encode()))).containsExactly(m);
    }
  }

  @Test
  void givenSeveralMessagesInOneDatagram_whenParsed_thenAllInOrder() {
    ByteBuffer all = ByteBuffer.allocate(4096);
    for (NetlinkMessage m : samples()) {
      all.put(m.encode());
    }
    all.flip();
    assertThat(NetlinkMessage.parseAll(all)).containsExactlyElementsOf(samples());
  }

  @Test
  void givenUncappedErrorWithFullRequest_whenParsed_thenExtAckMessageFound() {
    byte[] request = samples().get(1).encode();
    byte[] tlv = RtAttr.encodeAll(List.of(RtAttr.ofString(NLMSGERR_ATTR_MSG, "Invalid prefix")));
    ByteBuffer b = ByteBuffer.allocate(16 + 4 + request.length + tlv.length).order(ByteOrder.nativeOrder());
    b.putInt(b.capacity()).putShort((short) NLMSG_ERROR).putShort((short) NLM_F_ACK_TLVS).putInt(2).putInt(0);
    b.putInt(-22).put(request).put(tlv).flip();
    NlMsgErr err = (NlMsgErr) NetlinkMessage.parseAll(b).get(0).payload();
    assertThat(err.errno()).isEqualTo(22);
    assertThat(err.requestType()).isEqualTo(RTM_NEWADDR);
    assertThat(err.message()).isEqualTo("Invalid prefix");
  }

  @Test
  void givenNlmsgLengthBeyondDatagram_whenParsed_thenTypedError() {
    byte[] b = samples().get(1).encode();
    nat(b).putInt(0, 4000);
    assertThatThrownBy(() -> NetlinkMessage.parseAll(nat(b)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("nlmsg type 20");
  }

  @Test
  void givenRtattrShorterThanHeader_whenParsed_thenTypedError() {
    byte[] b = {2, 0, 3, 0};
    assertThatThrownBy(() -> RtAttr.parseAll(nat(b))).isInstanceOf(WireFormatException.class);
  }

  @Test
  void givenRandomAndMutatedDatagrams_whenParsed_thenValueOrTypedError() {
    List<byte[]> seeds = new ArrayList<>();
    for (NetlinkMessage m : samples()) {
      seeds.add(m.encode());
    }
    int valid = Fuzz.run(1, seeds, NetlinkMessage::parseAll, list -> {
      for (NetlinkMessage m : list) {
        m.encode();
        for (var a : attrsOf(m)) {
          tryNested(a);
        }
      }
      return list;
    });
    assertThat(valid).isGreaterThan(1000);
  }

  @Test
  void givenRandomAndMutatedAttributes_whenParsed_thenValueOrTypedError() {
    List<byte[]> seeds = List.of(RtAttr.encodeAll(samples().get(0).payload() instanceof IfInfoMsg i ? i.attrs() : List.of()));
    int valid = Fuzz.run(2, seeds, RtAttr::parseAll, list -> {
      list.forEach(NetlinkMessageTest::tryNested);
      return RtAttr.encodeAll(list);
    });
    assertThat(valid).isPositive();
  }

  private static List<RtAttr> attrsOf(NetlinkMessage m) {
    if (m.payload() instanceof IfInfoMsg p) return p.attrs();
    if (m.payload() instanceof IfAddrMsg p) return p.attrs();
    if (m.payload() instanceof RtMsg p) return p.attrs();
    if (m.payload() instanceof NdMsg p) return p.attrs();
    return List.of();
  }

  private static void tryNested(RtAttr a) {
    try {
      a.asNested();
    } catch (WireFormatException ignored) {
      // not every attribute is nested; a typed error is the allowed outcome
    }
    a.asString();
  }
}
