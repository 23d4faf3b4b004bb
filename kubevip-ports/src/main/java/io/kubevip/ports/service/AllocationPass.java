// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.ServiceRef;
import java.util.List;
import java.util.Map;

/**
 * What one allocator pass did, for logs and tests.
 *
 * @param allocated addresses written to Services in this pass
 * @param failed Services that could not get (or keep) addresses, with the reason sent as an Event
 * @param skipped why nothing was attempted ({@code disabled}, {@code not synced}, {@code settling}); empty when the
 *     pass ran
 * @param deferred Services left for a later pass because this one reached its allocation limit
 */
public record AllocationPass(Map<ServiceRef, List<VipAddress>> allocated, Map<ServiceRef, String> failed, String skipped,
    int deferred) {
  public AllocationPass {
    allocated = Map.copyOf(allocated);
    failed = Map.copyOf(failed);
    skipped = skipped == null ? "" : skipped;
  }

  public AllocationPass(Map<ServiceRef, List<VipAddress>> allocated, Map<ServiceRef, String> failed, String skipped) {
    this(allocated, failed, skipped, 0);
  }

  static AllocationPass skipped(String why) {
    return new AllocationPass(Map.of(), Map.of(), why, 0);
  }

  public boolean ran() {
    return skipped.isEmpty();
  }
}
