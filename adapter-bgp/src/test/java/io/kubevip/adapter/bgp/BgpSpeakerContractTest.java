// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.testkit.contract.BgpAdvertisementPortContract;
import java.net.Inet4Address;
import java.util.List;

/** The port contract, without sessions (intent is kept whether or not a peer is up). */
class BgpSpeakerContractTest extends BgpAdvertisementPortContract<BgpSpeaker> {
  @Override
  protected BgpSpeaker createPort() {
    return new BgpSpeaker(BgpSpeakerConfig.of(65001, (Inet4Address) TestPeer.ip("10.99.0.11")), List.of());
  }
}
