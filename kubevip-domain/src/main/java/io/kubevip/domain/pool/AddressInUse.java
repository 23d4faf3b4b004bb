// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.Objects;
import java.util.Set;

/**
 * One Service holding one address, as the cloud-provider rebuilds it on every sync from the Services labelled
 * {@code implementation=kube-vip}. Several records may name the same address (sharing). DHCP markers may appear
 * and are ignored: every DHCP Service leases its own address.
 */
public record AddressInUse(VipAddress address, ServiceRef service, Set<ServicePort> ports) {
  public AddressInUse {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(service, "service");
    ports = Set.copyOf(ports == null ? Set.of() : ports);
  }
}
