// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.service;

import io.kubevip.domain.address.IpFamily;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@code type: LoadBalancer} Service asks of us, independent of the Kubernetes client: built by
 * adapter-kubernetes from the Service object.
 *
 * @param service identity
 * @param loadBalancerClass {@code spec.loadBalancerClass}, empty when unset
 * @param requestedAddresses the address texts kube-vip would read, in its order of sources (see {@link RequestedAddresses});
 *     kept as text because they may be DNS names or malformed, which is reported, not thrown
 * @param ports exposed ports, for address sharing
 * @param trafficPolicy externalTrafficPolicy
 * @param ipFamilies {@code spec.ipFamilies} in order (empty means the cluster default, IPv4)
 * @param ipFamilyPolicy {@code spec.ipFamilyPolicy}
 * @param sharingKey the key under which Services may share an address (empty: not shared)
 * @param serviceInterface {@code kube-vip.io/serviceInterface} ({@code auto} allowed), empty when unset
 * @param ignored {@code kube-vip.io/ignore: "true"}
 * @param allowWithoutEndpoints {@code kube-vip.io/allow-reconcile-without-endpoints: "true"}
 */
public record ServiceIntent(
    ServiceRef service,
    Optional<String> loadBalancerClass,
    List<String> requestedAddresses,
    List<ServicePort> ports,
    ExternalTrafficPolicy trafficPolicy,
    List<IpFamily> ipFamilies,
    IpFamilyPolicy ipFamilyPolicy,
    Optional<String> sharingKey,
    Optional<String> serviceInterface,
    boolean ignored,
    boolean allowWithoutEndpoints) {

  public ServiceIntent {
    Objects.requireNonNull(service, "service");
    loadBalancerClass = loadBalancerClass == null ? Optional.empty() : loadBalancerClass;
    requestedAddresses = List.copyOf(requestedAddresses == null ? List.of() : requestedAddresses);
    ports = List.copyOf(ports == null ? List.of() : ports);
    trafficPolicy = trafficPolicy == null ? ExternalTrafficPolicy.CLUSTER : trafficPolicy;
    ipFamilies = List.copyOf(ipFamilies == null || ipFamilies.isEmpty() ? List.of(IpFamily.IPV4) : ipFamilies);
    ipFamilyPolicy = ipFamilyPolicy == null ? IpFamilyPolicy.SINGLE_STACK : ipFamilyPolicy;
    sharingKey = sharingKey == null ? Optional.empty() : sharingKey;
    serviceInterface = serviceInterface == null ? Optional.empty() : serviceInterface;
  }

  /** A minimal Cluster-policy, IPv4 single-stack intent; handy in tests and for builders. */
  public static ServiceIntent of(ServiceRef service, List<String> requestedAddresses, List<ServicePort> ports) {
    return new ServiceIntent(service, Optional.empty(), requestedAddresses, ports, ExternalTrafficPolicy.CLUSTER,
        List.of(IpFamily.IPV4), IpFamilyPolicy.SINGLE_STACK, Optional.empty(), Optional.empty(), false, false);
  }
}
