// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.IpFamilyPolicy;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small builders that keep allocator tests readable. */
final class Fixtures {
  private Fixtures() {}

  static PoolConfig config(String... keyValues) {
    Map<String, String> data = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      data.put(keyValues[i], keyValues[i + 1]);
    }
    return PoolConfig.parse(data);
  }

  static ServiceRef svc(String namespaceSlashName) {
    String[] p = namespaceSlashName.split("/");
    return new ServiceRef(p[0], p[1], "uid-" + p[1]);
  }

  static AllocationRequest v4(String svc, ServicePort... ports) {
    return AllocationRequest.ipv4(svc(svc), Set.of(ports));
  }

  static AllocationRequest request(String svc, IpFamilyPolicy policy, List<IpFamily> families, ServicePort... ports) {
    return new AllocationRequest(svc(svc), families, policy, Set.of(ports));
  }

  static AddressInUse used(String address, String svc, ServicePort... ports) {
    return new AddressInUse(VipAddress.parseAllowingDhcp(address), svc(svc), Set.of(ports));
  }

  static List<String> addresses(AllocationResult r) {
    if (!(r instanceof Allocated a)) {
      throw new AssertionError("expected an allocation but got " + r);
    }
    List<String> out = new ArrayList<>();
    a.addresses().forEach(v -> out.add(v.hostText()));
    return out;
  }

  static String reason(AllocationResult r) {
    if (!(r instanceof AllocationFailed f)) {
      throw new AssertionError("expected a failure but got " + r);
    }
    return f.reason();
  }
}
