// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.adapter.bgp.wire.PathAttribute;
import io.kubevip.adapter.bgp.wire.Prefix;
import io.kubevip.adapter.bgp.wire.Update;
import io.kubevip.domain.address.VipAddress;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Communities and LOCAL_PREF configured on one peer reach that peer's UPDATEs and no other's. */
class PerPeerAttributesTest {
  private final TestPeer tagged = newPeer();
  private final TestPeer plain = newPeer();
  private BgpSpeaker speaker;

  private static TestPeer newPeer() {
    try {
      return new TestPeer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (speaker != null) {
      speaker.close();
    }
    tagged.close();
    plain.close();
  }

  @Test
  void givenTwoIbgpPeersOneWithCommunitiesAndLocalPref_whenAdvertised_thenOnlyThatPeersUpdateCarriesThem()
      throws Exception {
    // two peers on loopback ports (the speaker keys sessions by address and port)
    BgpPeerConfig a = BgpPeerConfig.builder(TestPeer.ip("127.0.0.1"), TestPeer.AS).port(tagged.port())
        .holdTime(Duration.ofSeconds(9)).families(true, false).communities("65000:100")
        .largeCommunities("65000:1:2").localPref(250).build();
    BgpPeerConfig b = BgpPeerConfig.builder(TestPeer.ip("127.0.0.1"), TestPeer.AS).port(plain.port())
        .holdTime(Duration.ofSeconds(9)).families(true, false).build();
    speaker = new BgpSpeaker(BgpSpeakerConfig.of(TestPeer.AS, (Inet4Address) TestPeer.ip("10.99.0.11"))
        .withConnectRetry(Duration.ofMillis(100), Duration.ofMillis(400)), List.of(a, b)).start();
    tagged.establish(9);
    plain.establish(9);
    assertThat(((Update) tagged.readSkippingKeepalives()).endOfRibFamily()).isPresent();
    assertThat(((Update) plain.readSkippingKeepalives()).endOfRibFamily()).isPresent();

    speaker.advertise(Set.of(VipAddress.parse("10.99.100.1")));
    Update toTagged = (Update) tagged.readSkippingKeepalives();
    Update toPlain = (Update) plain.readSkippingKeepalives();
    assertThat(toTagged.nlri()).containsExactly(Prefix.of("10.99.100.1/32"));
    assertThat(toPlain.nlri()).containsExactly(Prefix.of("10.99.100.1/32"));
    assertThat(toTagged.attribute(PathAttribute.Communities.class).orElseThrow().values())
        .containsExactly(0xFDE80064L);
    assertThat(toTagged.attribute(PathAttribute.LargeCommunities.class)).isPresent();
    assertThat(toTagged.attribute(PathAttribute.LocalPref.class)).contains(new PathAttribute.LocalPref(250));
    assertThat(toPlain.attribute(PathAttribute.Communities.class)).isEmpty();
    assertThat(toPlain.attribute(PathAttribute.LargeCommunities.class)).isEmpty();
    assertThat(toPlain.attribute(PathAttribute.LocalPref.class)).contains(new PathAttribute.LocalPref(100));
  }
}
