// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import java.util.List;
import java.util.Objects;

/**
 * What one Service may use, judged the same way on every node from the Services alone, so the allocator and every
 * announcer agree without talking to each other.
 */
public sealed interface AddressClaim permits AddressClaim.Usable, AddressClaim.Refused, AddressClaim.Unallocated {

  /**
   * The Service's addresses may be served.
   *
   * @param vips in the Service's order
   * @param warnings things worth an Event but not a refusal (an address outside every pool, as kube-vip allows)
   */
  record Usable(List<VipAddress> vips, List<String> warnings) implements AddressClaim {
    public Usable {
      vips = List.copyOf(vips);
      warnings = List.copyOf(warnings);
    }
  }

  /** The Service names addresses it may not have (taken by another Service, clashing ports, malformed). */
  record Refused(String reason) implements AddressClaim {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The Service names no address yet: the allocator has to give it some. */
  record Unallocated() implements AddressClaim {}
}
