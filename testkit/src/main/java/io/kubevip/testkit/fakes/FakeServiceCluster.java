// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import java.util.List;
import java.util.Optional;

/**
 * A cluster's Services as the API server keeps them, for simulations with several nodes: a
 * {@link FakeClusterWatchPort} that every simulated node watches and one {@link FakeServiceStatusPort} they all
 * write through. Writes come back through the watch as the real API does: an allocation becomes the Service's
 * requested addresses ({@code kube-vip.io/loadbalancerIPs} wins over status and spec), a host write becomes
 * {@code serviceHostChanged}.
 */
public final class FakeServiceCluster {
  private final FakeClusterWatchPort watch = new FakeClusterWatchPort();
  private final FakeServiceStatusPort status = new FakeServiceStatusPort();

  public FakeServiceCluster() {
    status.onAllocation(this::allocated);
    status.onHostWritten(watch::setHost);
  }

  public FakeClusterWatchPort watch() {
    return watch;
  }

  public FakeServiceStatusPort status() {
    return status;
  }

  /** The addresses the Service names now (what kube-vip would read), empty when none or gone. */
  public List<String> addressesOf(ServiceRef service) {
    return watch.service(service).map(ServiceIntent::requestedAddresses).orElse(List.of());
  }

  private void allocated(ServiceRef ref, List<VipAddress> addresses) {
    Optional<ServiceIntent> current = watch.service(ref);
    if (current.isEmpty() || !current.get().service().equals(ref)) {
      return; // deleted or re-created meanwhile: the API would answer 404 / conflict
    }
    ServiceIntent s = current.get();
    watch.upsert(new ServiceIntent(s.service(), s.loadBalancerClass(),
        addresses.stream().map(VipAddress::hostText).toList(), s.ports(), s.trafficPolicy(), s.ipFamilies(),
        s.ipFamilyPolicy(), s.sharingKey(), s.serviceInterface(), s.ignored(), s.allowWithoutEndpoints()));
  }
}
