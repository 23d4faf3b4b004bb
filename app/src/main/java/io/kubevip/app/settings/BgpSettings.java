// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.settings;

import io.kubevip.app.config.BgpPeer;
import java.time.Duration;
import java.util.List;

/**
 * BGP speaker settings; the single-peer variables (bgp_peeraddress, ...) are folded into {@code peers}.
 *
 * @param localAs local AS
 * @param routerId router ID, null = from bgp_routerinterface or the node address
 * @param peers all peers
 * @param holdTime hold time
 * @param keepaliveInterval keepalive interval
 * @param gracefulRestartTime RFC 4724 restart time, null when graceful restart is off
 */
public record BgpSettings(long localAs, String routerId, List<BgpPeer> peers, Duration holdTime,
    Duration keepaliveInterval, Duration gracefulRestartTime) {
  public BgpSettings {
    peers = List.copyOf(peers);
  }

  /** Without graceful restart. */
  public BgpSettings(long localAs, String routerId, List<BgpPeer> peers, Duration holdTime,
      Duration keepaliveInterval) {
    this(localAs, routerId, peers, holdTime, keepaliveInterval, null);
  }
}
