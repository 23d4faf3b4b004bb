// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import static io.kubevip.linux.wire.netlink.NetlinkConstants.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.linux.error.DumpInterruptedException;
import io.kubevip.linux.error.NetlinkException;
import io.kubevip.linux.error.NoSuchLinkException;
import io.kubevip.linux.error.RootNamespaceRefusedException;
import io.kubevip.linux.model.Addr;
import io.kubevip.linux.wire.netlink.IfAddrMsg;
import io.kubevip.linux.wire.netlink.IfInfoMsg;
import io.kubevip.linux.wire.netlink.NetlinkMessage;
import io.kubevip.linux.wire.netlink.NlMsgDone;
import io.kubevip.linux.wire.netlink.NlMsgErr;
import io.kubevip.linux.wire.netlink.RtAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NetlinkTest {

  private static NetlinkMessage link(int seq, int index, String name, int flags) {
    return new NetlinkMessage(RTM_NEWLINK, NLM_F_MULTI | flags, seq, 0,
        new IfInfoMsg(AF_UNSPEC, 1, index, 0, 0, List.of(RtAttr.ofString(IFLA_IFNAME, name))));
  }

  private static NetlinkMessage done(int seq, int flags) {
    return new NetlinkMessage(NLMSG_DONE, NLM_F_MULTI | flags, seq, 0, new NlMsgDone(0));
  }

  private static NetlinkMessage error(NetlinkMessage req, int errno, String msg) {
    return new NetlinkMessage(NLMSG_ERROR, NLM_F_CAPPED | (msg == null ? 0 : NLM_F_ACK_TLVS), req.seq(), 0,
        new NlMsgErr(-errno, req.type(), req.seq(), msg));
  }

  /** A kernel with lo and eth0 and no addresses that answers every change with {@code errno}. */
  private static ScriptedNetlinkChannel kernel(int errno, String msg) {
    return new ScriptedNetlinkChannel(req -> {
      if (req.type() == RTM_GETLINK) {
        return List.of(link(req.seq(), 1, "lo", 0), link(req.seq(), 2, "eth0", 0), done(req.seq(), 0));
      }
      if (req.type() == RTM_GETADDR) {
        return List.of(done(req.seq(), 0));
      }
      return List.of(error(req, errno, msg));
    });
  }

  @Test
  void givenDumpInterruptedTwice_whenListingLinks_thenRetriedUntilConsistent() {
    AtomicInteger attempts = new AtomicInteger();
    ScriptedNetlinkChannel ch = new ScriptedNetlinkChannel(req -> {
      int intr = attempts.incrementAndGet() <= 2 ? NLM_F_DUMP_INTR : 0;
      return List.of(link(req.seq(), 1, "lo", intr), link(req.seq(), 2, "eth" + attempts.get(), 0), done(req.seq(), 0));
    });
    List<String> names = Netlink.over(ch, 248).links().stream().map(l -> l.name()).toList();
    assertThat(names).containsExactly("lo", "eth3");
    assertThat(ch.sent).hasSize(3).allSatisfy(m -> assertThat(m.flags() & NLM_F_DUMP).isEqualTo(NLM_F_DUMP));
    assertThat(ch.sent.stream().map(NetlinkMessage::seq).distinct()).hasSize(3);
  }

  @Test
  void givenDumpAlwaysInterrupted_whenListing_thenDumpInterruptedException() {
    ScriptedNetlinkChannel ch = new ScriptedNetlinkChannel(req -> List.of(done(req.seq(), NLM_F_DUMP_INTR)));
    assertThatThrownBy(() -> Netlink.over(ch, 248).links())
        .isInstanceOf(DumpInterruptedException.class)
        .hasMessageContaining("listing links")
        .hasMessageContaining("5 times");
  }

  @Test
  void givenStaleRepliesWithOtherSequence_whenDumping_thenIgnored() {
    ScriptedNetlinkChannel ch = new ScriptedNetlinkChannel(req ->
        List.of(link(req.seq() - 1, 9, "stale", 0), link(req.seq(), 1, "lo", 0), done(req.seq(), 0)));
    assertThat(Netlink.over(ch, 248).links()).extracting(l -> l.name()).containsExactly("lo");
  }

  @Test
  void givenEperm_whenAddingAddress_thenMessageNamesOperationErrnoAndCapability() {
    Netlink nl = Netlink.over(kernel(1, null), 248);
    assertThatThrownBy(() -> nl.addAddress("eth0", Addr.parse("10.99.0.50/32")))
        .isInstanceOf(NetlinkException.class)
        .hasMessage("adding 10.99.0.50/32 to eth0: EPERM — needs CAP_NET_ADMIN")
        .satisfies(e -> assertThat(((NetlinkException) e).errno()).isEqualTo(1));
  }

  @Test
  void givenExtAck_whenKernelRejects_thenKernelTextInMessage() {
    Netlink nl = Netlink.over(kernel(95, "Unknown device type"), 248);
    assertThatThrownBy(() -> nl.addVlan("eth0.10", "eth0", 10))
        .hasMessage("creating VLAN eth0.10 (id 10) on eth0: EOPNOTSUPP — Operation not supported"
            + " (kernel: Unknown device type)");
  }

  @Test
  void givenMissingInterface_whenAddingAddress_thenMessageListsExistingOnes() {
    Netlink nl = Netlink.over(kernel(0, null), 248);
    assertThatThrownBy(() -> nl.addAddress("eth9", Addr.parse("10.99.0.50/32")))
        .isInstanceOf(NoSuchLinkException.class)
        .hasMessageContaining("'eth9'")
        .hasMessageContaining("existing interfaces: lo, eth0");
  }

  @Test
  void givenAddressAdded_thenRequestCarriesProtoTagFlagsAndLabel() {
    ScriptedNetlinkChannel ch = kernel(0, null);
    Netlink.over(ch, 77).addAddress("eth0", Addr.parse("10.99.0.50/32").withLabel("eth0:vip"));
    IfAddrMsg req = (IfAddrMsg) ch.sent.get(ch.sent.size() - 1).payload();
    assertThat(req.index()).isEqualTo(2);
    assertThat(RtAttr.find(req.attrs(), IFA_PROTO).orElseThrow().asU8()).isEqualTo(77);
    assertThat(RtAttr.find(req.attrs(), IFA_LABEL).orElseThrow().asString()).isEqualTo("eth0:vip");
    int flags = ch.sent.get(ch.sent.size() - 1).flags();
    assertThat(flags & (NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK)).isEqualTo(NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
  }

  @Test
  void givenNewAddress_whenAdded_thenNoAddressDumpIsRead() {
    ScriptedNetlinkChannel ch = kernel(0, null);
    assertThat(Netlink.over(ch, 77).addAddress("eth0", Addr.parse("10.99.0.51/32"))).isEqualTo(Netlink.Change.ADDED);
    assertThat(ch.sent).noneMatch(m -> m.type() == RTM_GETADDR);
  }

  @Test
  void givenAddressOwnedBySomeoneElse_whenDeleting_thenLeftAloneAndReportedForeign() {
    List<NetlinkMessage> changes = new ArrayList<>();
    ScriptedNetlinkChannel ch = new ScriptedNetlinkChannel(req -> {
      if (req.type() == RTM_GETLINK) {
        return List.of(link(req.seq(), 2, "eth0", 0), done(req.seq(), 0));
      }
      if (req.type() == RTM_GETADDR) {
        IfAddrMsg foreign = new IfAddrMsg(AF_INET, 32, 0, 0, 2,
            List.of(new RtAttr(IFA_LOCAL, new byte[] {10, 99, 0, 50})));
        return List.of(new NetlinkMessage(RTM_NEWADDR, NLM_F_MULTI, req.seq(), 0, foreign), done(req.seq(), 0));
      }
      if (req.type() == RTM_NEWADDR && (req.flags() & NLM_F_EXCL) != 0) {
        return List.of(error(req, io.kubevip.linux.error.Errno.EEXIST, null)); // the address is there: refused
      }
      changes.add(req);
      return List.of(error(req, 0, null));
    });
    Netlink nl = Netlink.over(ch, 248);
    assertThat(nl.deleteAddress("eth0", Addr.parse("10.99.0.50/32"))).isEqualTo(Netlink.Change.FOREIGN);
    assertThat(nl.addAddress("eth0", Addr.parse("10.99.0.50/32"))).isEqualTo(Netlink.Change.FOREIGN);
    assertThat(nl.ourAddresses()).isEmpty();
    assertThat(changes).isEmpty();
  }

  @Test
  void givenRefuseFlagAndRootNamespace_whenMutating_thenRefusedBeforeAnythingIsSent() {
    ScriptedNetlinkChannel ch = kernel(0, null);
    ch.root = true;
    System.setProperty(RootGuard.PROPERTY, "true");
    try {
      assertThatThrownBy(() -> Netlink.over(ch, 248).addAddress("eth0", Addr.parse("10.99.0.50/32")))
          .isInstanceOf(RootNamespaceRefusedException.class)
          .hasMessageContaining("adding 10.99.0.50/32 to eth0");
      assertThat(ch.sent).isEmpty();
    } finally {
      System.clearProperty(RootGuard.PROPERTY);
    }
  }
}
