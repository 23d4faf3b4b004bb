// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.pool.AddressInUse;
import io.kubevip.domain.pool.AllocationSession;
import io.kubevip.domain.pool.Allocator;
import io.kubevip.domain.pool.RequestedAddressCheck;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges the addresses every Service names (as kube-vip reads them: annotation, status, spec) against each other.
 * Services are taken in {@code namespace/name} order, so every node reaches the same verdict: when two Services ask
 * for one address and may not share it, the first by name keeps it and the other is refused with a reason naming
 * the holder. Ignored Services ({@code kube-vip.io/ignore}) are left out entirely.
 */
public final class AddressClaims {
  private AddressClaims() {}

  /** The verdicts, in Service order, and an allocation session that holds every usable address. */
  public record Resolution(Map<ServiceRef, AddressClaim> claims, AllocationSession session) {}

  public static Resolution resolve(ClusterState state) {
    AllocationSession session = Allocator.session(state.pools(), List.of());
    Map<ServiceRef, AddressClaim> claims = new LinkedHashMap<>();
    for (ServiceIntent s : state.services().values()) {
      if (s.ignored()) {
        continue;
      }
      claims.put(s.service(), judge(s, state, session));
    }
    return new Resolution(claims, session);
  }

  /**
   * The session {@link #resolve} ends with, rebuilt from its {@code claims} of {@code state} without judging again:
   * each usable claim's addresses recorded in use, in the same order.
   */
  public static AllocationSession session(ClusterState state, Map<ServiceRef, AddressClaim> claims) {
    AllocationSession session = Allocator.session(state.pools(), List.of());
    claims.forEach((ref, claim) -> {
      if (claim instanceof AddressClaim.Usable u) {
        Set<io.kubevip.domain.service.ServicePort> ports = Set.copyOf(state.services().get(ref.key()).ports());
        u.vips().forEach(v -> session.recordInUse(new AddressInUse(v, ref, ports)));
      }
    });
    return session;
  }

  private static AddressClaim judge(ServiceIntent s, ClusterState state, AllocationSession session) {
    if (s.requestedAddresses().isEmpty()) {
      return new AddressClaim.Unallocated();
    }
    List<VipAddress> vips = new ArrayList<>();
    for (String text : s.requestedAddresses()) {
      try {
        vips.add(VipAddress.parseAllowingDhcp(text));
      } catch (IllegalArgumentException e) {
        return new AddressClaim.Refused("requested address '" + text + "' (kube-vip.io/loadbalancerIPs, "
            + "status.loadBalancer.ingress or spec.loadBalancerIP) is not an IP address: " + e.getMessage());
      }
    }
    List<String> warnings = new ArrayList<>();
    Set<io.kubevip.domain.service.ServicePort> ports = Set.copyOf(s.ports());
    for (VipAddress vip : vips) {
      RequestedAddressCheck check = session.checkRequested(s.service(), vip, ports);
      if (check instanceof RequestedAddressCheck.Refused r) {
        return new AddressClaim.Refused(r.reason());
      }
      if (check instanceof RequestedAddressCheck.Accepted a && a.outsidePools() && !state.pools().pools().isEmpty()) {
        warnings.add("requested address " + vip.hostText() + " is outside every pool of the kubevip ConfigMap"
            + " (allowed, as in kube-vip)");
      }
    }
    vips.forEach(v -> session.recordInUse(new AddressInUse(v, s.service(), ports)));
    return new AddressClaim.Usable(vips, warnings);
  }
}
