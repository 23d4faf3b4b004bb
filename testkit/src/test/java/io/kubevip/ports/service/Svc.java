// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.service.ExternalTrafficPolicy;
import io.kubevip.domain.service.IpFamilyPolicy;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.List;
import java.util.Optional;

/** Builds ServiceIntents for the Services use-case tests. */
final class Svc {
  private final ServiceRef ref;
  private List<String> requested = List.of();
  private List<ServicePort> ports = List.of(ServicePort.tcp(80));
  private ExternalTrafficPolicy policy = ExternalTrafficPolicy.CLUSTER;
  private List<IpFamily> families = List.of(IpFamily.IPV4);
  private IpFamilyPolicy familyPolicy = IpFamilyPolicy.SINGLE_STACK;
  private boolean allowWithoutEndpoints;
  private Optional<String> serviceInterface = Optional.empty();

  private Svc(String ns, String name) {
    this.ref = new ServiceRef(ns, name, "uid-" + ns + "-" + name);
  }

  static Svc of(String ns, String name) {
    return new Svc(ns, name);
  }

  static ServiceRef ref(String ns, String name) {
    return new ServiceRef(ns, name, "uid-" + ns + "-" + name);
  }

  Svc requesting(String... addresses) {
    requested = List.of(addresses);
    return this;
  }

  Svc ports(ServicePort... p) {
    ports = List.of(p);
    return this;
  }

  Svc local() {
    policy = ExternalTrafficPolicy.LOCAL;
    return this;
  }

  /** {@code kube-vip.io/serviceInterface}. */
  Svc serviceInterface(String name) {
    serviceInterface = Optional.of(name);
    return this;
  }

  Svc allowWithoutEndpoints() {
    allowWithoutEndpoints = true;
    return this;
  }

  Svc families(IpFamilyPolicy p, IpFamily... f) {
    familyPolicy = p;
    families = List.of(f);
    return this;
  }

  ServiceIntent build() {
    return new ServiceIntent(ref, Optional.empty(), requested, ports, policy, families, familyPolicy, Optional.empty(),
        serviceInterface, false, allowWithoutEndpoints);
  }
}
