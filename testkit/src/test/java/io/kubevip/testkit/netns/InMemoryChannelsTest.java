// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.linux.ArpReceiver;
import io.kubevip.linux.ArpSender;
import io.kubevip.linux.ArpSender.GarpForm;
import io.kubevip.linux.NdpSender;
import io.kubevip.linux.channel.Frame;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.wire.arp.ArpPacket;
import io.kubevip.linux.wire.ndp.NdpMessage;
import io.kubevip.linux.wire.ndp.NeighborAdvertisement;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The senders and receiver over in-memory channels: what adapters' unit tests will do. */
class InMemoryChannelsTest {
  private static final HardwareAddress MAC = HardwareAddress.parse("02:00:00:00:00:01");

  @Test
  void givenArpSender_whenAnnouncingTwice_thenRequestThenReplyToBroadcast() throws Exception {
    InMemoryFrameChannel ch = new InMemoryFrameChannel();
    Inet4Address vip = (Inet4Address) InetAddress.getByName("10.99.0.50");
    ArpSender s = ArpSender.over(ch, MAC, "eth0");
    assertThat(List.of(s.announce(vip), s.announce(vip))).containsExactly(GarpForm.REQUEST, GarpForm.REPLY);
    assertThat(ch.sent()).hasSize(2).allSatisfy(f ->
        assertThat(f.destinationMac()).containsExactly(0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
    ArpPacket reply = ArpPacket.parse(ByteBuffer.wrap(ch.sent().get(1).payload()));
    assertThat(reply).isEqualTo(ArpPacket.gratuitousReply(MAC.toLong(), vip));
  }

  @Test
  void givenQueuedFrames_whenReceiving_thenOwnAndMalformedSkipped() throws Exception {
    InMemoryFrameChannel ch = new InMemoryFrameChannel();
    Inet4Address vip = (Inet4Address) InetAddress.getByName("10.99.0.50");
    byte[] foreign = {2, 0, 0, 0, 0, 9};
    ch.enqueue(new Frame(ArpPacket.gratuitousRequest(MAC.toLong(), vip).encode(), MAC.bytes(), 2, Frame.PACKET_OUTGOING));
    ch.enqueue(new Frame(new byte[] {1, 2, 3}, foreign, 2, 1));
    ch.enqueue(new Frame(ArpPacket.gratuitousReply(0x0200_0000_0009L, vip).encode(), foreign, 2, 1));
    ArpReceiver.Received r = ArpReceiver.over(ch).receive(Duration.ofSeconds(1)).orElseThrow();
    assertThat(r.frameSource()).isEqualTo(new HardwareAddress(foreign));
    assertThat(r.packet().senderIp()).isEqualTo(vip);
    assertThat(ArpReceiver.over(ch).receive(Duration.ofMillis(1))).isEmpty();
  }

  @Test
  void givenNdpSender_whenBursting_thenUnsolicitedNasToAllNodes() throws Exception {
    InMemoryIcmpv6Channel ch = new InMemoryIcmpv6Channel();
    Inet6Address vip = (Inet6Address) InetAddress.getByName("fd99::50");
    NdpSender.over(ch, 2, MAC, "eth0").announce(vip, 3, Duration.ZERO);
    assertThat(ch.sent()).hasSize(3).allSatisfy(s -> {
      assertThat(s.destination().getHostAddress()).isEqualTo("ff02:0:0:0:0:0:0:1");
      assertThat(s.linkIndex()).isEqualTo(2);
      assertThat(NdpMessage.parse(ByteBuffer.wrap(s.icmp())))
          .isEqualTo(NeighborAdvertisement.unsolicited(vip, MAC.toLong()));
    });
  }
}
