// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.adapter.bgp.wire.BgpMessage;
import io.kubevip.adapter.bgp.wire.ErrorCodes;
import io.kubevip.adapter.bgp.wire.Keepalive;
import io.kubevip.adapter.bgp.wire.Notification;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A raw peer sends malformed bytes; the speaker must answer with the NOTIFICATION RFC 4271 §6 names (or handle
 * an attribute error as RFC 7606 says and stay up), never crash, and dial again.
 */
class MalformedPeerTest {
  private static final String M = "ffffffffffffffffffffffffffffffff";
  private TestPeer peer;
  private BgpSpeaker speaker;

  @BeforeEach
  void start() throws Exception {
    peer = new TestPeer();
    BgpSpeakerConfig cfg = BgpSpeakerConfig.of(65001, (Inet4Address) TestPeer.ip("10.99.0.11"))
        .withConnectRetry(Duration.ofMillis(50), Duration.ofMillis(200));
    speaker = new BgpSpeaker(cfg, List.of(BgpPeerConfig.builder(TestPeer.ip("127.0.0.1"), TestPeer.AS)
        .port(peer.port()).holdTime(Duration.ofSeconds(9)).build())).start();
  }

  @AfterEach
  void stop() throws Exception {
    speaker.close();
    peer.close();
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  static Stream<Arguments> malformedInOpenSent() {
    return Stream.of(
        Arguments.of("bad marker", "00" + M.substring(2) + "0013 04", 1, 1),
        Arguments.of("length below 19", M + "0012 04", 1, 2),
        Arguments.of("length above 4096", M + "2000 02", 1, 2),
        Arguments.of("unknown type", M + "0013 07", 1, 3),
        Arguments.of("OPEN version 3", M + "001d 01 03 fde8 0009 0a630001 00", 2, 1),
        Arguments.of("OPEN wrong AS", M + "001d 01 04 fde7 0009 0a630001 00", 2, 2),
        Arguments.of("OPEN hold time 1", M + "001d 01 04 fde8 0001 0a630001 00", 2, 6),
        Arguments.of("OPEN identifier 0", M + "001d 01 04 fde8 0009 00000000 00", 2, 3),
        Arguments.of("KEEPALIVE before OPEN", M + "0013 04", 5, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedInOpenSent")
  void givenMalformedFirstMessage_thenNotificationAndReconnect(String what, String bytes, int code, int subcode)
      throws Exception {
    peer.accept();
    assertThat(peer.read()).isInstanceOf(io.kubevip.adapter.bgp.wire.Open.class);
    peer.send(hex(bytes));
    Notification n = (Notification) peer.read();
    assertThat(n.code()).as(what).isEqualTo(code);
    assertThat(n.subcode()).as(what).isEqualTo(subcode);
    assertThat(peer.closedBySpeaker(Duration.ofSeconds(3))).isTrue();
    peer.establish(9); // recovered: dials again and comes up
    await().atMost(Duration.ofSeconds(2)).until(() -> speaker.status().get(0).state() == SessionState.ESTABLISHED);
  }

  private void established() throws Exception {
    peer.establish(9);
    peer.readSkippingKeepalives(); // End-of-RIB v4
    peer.readSkippingKeepalives(); // End-of-RIB v6
  }

  @Test
  void givenInvalidOriginInUpdate_thenTreatAsWithdrawAndSessionStays() throws Exception {
    established();
    // ORIGIN value 3 (RFC 7606 §7.1): attrs 14 octets, NLRI 10.99.100.100/32
    peer.send(hex(M + "002a 02 0000 000e 40010103 400200 400304 0a630001 20 0a636464"));
    await().atMost(Duration.ofSeconds(2)).until(() -> speaker.status().get(0).treatAsWithdraw() == 1);
    peer.send(Keepalive.INSTANCE);
    assertThat(speaker.status().get(0).state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(speaker.status().get(0).lastSent()).isNull();
  }

  @Test
  void givenUnrecognizedWellKnownAttribute_thenUpdateMessageErrorWithAttributeData() throws Exception {
    established();
    peer.send(hex(M + "001b 02 0000 0004 405a0107"));
    BgpMessage m = peer.readSkippingKeepalives();
    Notification n = (Notification) m;
    assertThat(n.code()).isEqualTo(ErrorCodes.UPDATE_MESSAGE);
    assertThat(n.subcode()).isEqualTo(ErrorCodes.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE);
    assertThat(n.data().toArray()).isEqualTo(hex("405a0107"));
    established();
  }

  @Test
  void givenOpenInEstablished_thenFsmError() throws Exception {
    established();
    peer.send(TestPeer.open(TestPeer.AS, 9));
    Notification n = (Notification) peer.readSkippingKeepalives();
    assertThat(n.code()).isEqualTo(ErrorCodes.FSM_ERROR);
    assertThat(n.subcode()).isEqualTo(3);
  }

  @Test
  void givenRandomBodiesAfterEstablished_thenNotificationOrStillUpAndAlwaysBackAgain() throws Exception {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(4271);
    int notified = 0;
    int survived = 0;
    established();
    for (int i = 0; i < 30; i++) {
      int type = 1 + rnd.nextInt(5);
      byte[] body = new byte[rnd.nextInt(60)];
      for (int j = 0; j < body.length; j++) {
        body[j] = (byte) (rnd.nextInt(3) == 0 ? rnd.nextInt(256) : rnd.nextInt(4));
      }
      byte[] msg = new byte[19 + body.length];
      java.util.Arrays.fill(msg, 0, 16, (byte) 0xff);
      msg[16] = (byte) (msg.length >> 8);
      msg[17] = (byte) msg.length;
      msg[18] = (byte) type;
      System.arraycopy(body, 0, msg, 19, body.length);
      peer.send(msg);
      BgpMessage reply;
      try {
        do {
          reply = peer.read(Duration.ofMillis(500));
        } while (reply instanceof Keepalive);
      } catch (java.net.SocketTimeoutException quiet) {
        survived++; // accepted (or treated as withdraw): the session stays up
        continue;
      }
      if (type == BgpMessage.TYPE_NOTIFICATION && body.length >= 2) {
        // RFC 4271 §6: a NOTIFICATION is never answered with one; the speaker just closes
        assertThat(reply).as("message %d: close after the peer's NOTIFICATION", i).isNull();
      } else {
        assertThat(reply).as("message %d (type %d) must end with a NOTIFICATION, not a silent close", i, type)
            .isInstanceOf(Notification.class);
      }
      notified++;
      established();
    }
    assertThat(notified + survived).isEqualTo(30);
    assertThat(notified).isPositive();
    await().atMost(Duration.ofSeconds(2)).until(() -> speaker.status().get(0).state() == SessionState.ESTABLISHED);
  }

  @Test
  void givenRouteRefresh_thenTableSentAgain() throws Exception {
    speaker.advertise(java.util.Set.of(io.kubevip.domain.address.VipAddress.parse("10.99.100.1")));
    established(); // table: the VIP, then two End-of-RIBs
    peer.readSkippingKeepalives();
    peer.send(new io.kubevip.adapter.bgp.wire.RouteRefresh(io.kubevip.adapter.bgp.wire.AfiSafi.IPV4_UNICAST));
    io.kubevip.adapter.bgp.wire.Update u = (io.kubevip.adapter.bgp.wire.Update) peer.readSkippingKeepalives();
    assertThat(u.announced()).containsExactly(io.kubevip.adapter.bgp.wire.Prefix.of("10.99.100.1/32"));
  }
}
