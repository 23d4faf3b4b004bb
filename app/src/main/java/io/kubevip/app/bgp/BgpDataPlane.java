// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.bgp;

import io.kubevip.ports.out.BgpAdvertisementPort;
import io.kubevip.ports.out.VipAddressPort;
import java.util.Objects;

/**
 * The node-local network side of BGP mode as one bean, so a test replaces all of it with fakes (a {@code @Primary}
 * bean of this type) and no socket is ever opened.
 *
 * @param addresses VIPs on {@code vip_interface} (usually {@code lo})
 * @param routes the one speaker of this process
 * @param sessions its per-peer state
 * @param closer closes the speaker (withdraw, Cease, close) and the address socket
 */
public record BgpDataPlane(VipAddressPort addresses, BgpAdvertisementPort routes, BgpSessions sessions,
    AutoCloseable closer) implements AutoCloseable {
  public BgpDataPlane {
    Objects.requireNonNull(addresses, "addresses");
    Objects.requireNonNull(routes, "routes");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(closer, "closer");
  }

  @Override
  public void close() throws Exception {
    closer.close();
  }
}
