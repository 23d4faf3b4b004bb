// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.IpFamilyPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy half of an allocation: which pool, which families, and what counts as success for SingleStack,
 * PreferDualStack and RequireDualStack. The picking of addresses is passed in, so this logic knows nothing of
 * cursors or indexes.
 */
final class AllocationPlan {
  /** One family's outcome: an address (with a sharing note, or null) or a failure reason. */
  record Pick(VipAddress address, String sharing, String failure) {}

  interface Picker {
    Pick pick(Pool pool, IpFamily family, AllocationRequest request);
  }

  private final PoolConfig config;
  private final Picker picker;
  private final AllocationRequest request;
  private final String ns;

  AllocationPlan(PoolConfig config, Picker picker, AllocationRequest request) {
    this.config = config;
    this.picker = picker;
    this.request = request;
    this.ns = request.service().namespace();
  }

  AllocationResult run() {
    Optional<Pool> found = config.poolFor(ns);
    if (found.isEmpty()) {
      return failed("no address pool: none of " + String.join(", ", PoolConfig.lookupKeys(ns))
          + " is set in the kubevip ConfigMap");
    }
    Pool pool = found.get();
    if (!pool.serves(IpFamily.IPV4) && !pool.serves(IpFamily.IPV6)) {
      return failed("pool " + pool.key() + " has no usable entry (see the kubevip ConfigMap problems)");
    }
    List<IpFamily> wanted = wanted(pool);
    List<IpFamily> missing = new ArrayList<>();
    for (IpFamily f : wanted) {
      if (!pool.serves(f)) {
        missing.add(f);
      }
    }
    switch (request.policy()) {
      case SINGLE_STACK:
        if (!missing.isEmpty()) {
          return failed("SingleStack " + wanted.get(0).kubernetesName() + " Service, but pool " + pool + " has no "
              + wanted.get(0).kubernetesName() + " entries");
        }
        break;
      case REQUIRE_DUAL_STACK:
        if (!missing.isEmpty()) {
          return failed("RequireDualStack needs IPv4 and IPv6, but pool " + pool + " has no "
              + missing.get(0).kubernetesName() + " entries");
        }
        break;
      default: // PreferDualStack: best effort over the families the pool has
        wanted.removeAll(missing);
    }
    return pickAll(pool, wanted);
  }

  private AllocationResult pickAll(Pool pool, List<IpFamily> families) {
    List<VipAddress> addresses = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (IpFamily f : families) {
      Pick p = picker.pick(pool, f, request);
      if (p.address() != null) {
        addresses.add(p.address());
        if (p.sharing() != null) {
          notes.add(p.sharing());
        }
      } else {
        failures.add(p.failure());
      }
    }
    boolean mustHaveAll = request.policy() != IpFamilyPolicy.PREFER_DUAL_STACK;
    if (addresses.isEmpty() || (mustHaveAll && !failures.isEmpty())) {
      String what = request.policy() == IpFamilyPolicy.REQUIRE_DUAL_STACK
          ? "RequireDualStack needs both families and nothing was allocated: " : "";
      return failed(what + String.join("; ", failures));
    }
    String origin = pool.key() + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    return new Allocated(addresses, config.interfaceName(ns), origin);
  }

  // The families to try, primary first; mutable so PreferDualStack can drop the ones the pool lacks.
  private List<IpFamily> wanted(Pool pool) {
    List<IpFamily> fams = request.families();
    IpFamily primary = !fams.isEmpty() ? fams.get(0)
        : pool.serves(IpFamily.IPV4) || request.policy() != IpFamilyPolicy.SINGLE_STACK
            ? IpFamily.IPV4 : IpFamily.IPV6;
    List<IpFamily> out = new ArrayList<>();
    out.add(primary);
    if (request.policy() != IpFamilyPolicy.SINGLE_STACK) {
      out.add(primary == IpFamily.IPV4 ? IpFamily.IPV6 : IpFamily.IPV4);
    }
    return out;
  }

  private AllocationResult failed(String why) {
    return new AllocationFailed("namespace " + ns + ", Service " + request.service().key() + ": " + why);
  }
}
