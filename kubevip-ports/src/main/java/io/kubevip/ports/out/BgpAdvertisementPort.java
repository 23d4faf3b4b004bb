// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.address.VipAddress;
import java.util.Set;

/**
 * Advertises VIP prefixes to every configured BGP peer, like MetalLB's {@code bgp.Session.Set}: the adapter owns
 * sessions, reconnects and re-sends what is advertised when a session comes back, so callers state intent only.
 *
 * <p>Caller: use-case services. Threading: thread-safe. Idempotency: advertising an advertised prefix or
 * withdrawing one that is not advertised changes nothing and sends no UPDATE.
 */
public interface BgpAdvertisementPort {
  /** Adds {@code prefixes} to what is advertised (a /32 or /128 VIP, or a wider prefix). */
  void advertise(Set<VipAddress> prefixes);

  /** Removes {@code prefixes} from what is advertised. */
  void withdraw(Set<VipAddress> prefixes);

  /** What is currently meant to be advertised, whether or not a session is up right now. */
  Set<VipAddress> advertised();
}
