// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usable addresses of one ConfigMap key, split by family as the cloud-provider does
 * ({@code SplitCIDRsByIPFamily}). A family is either a set of ranges or DHCP ({@code 0.0.0.0/32}, {@code ::/128}),
 * never both: DHCP wins and the other entries of that family are reported as problems.
 */
public final class Pool {
  private final String key;
  private final PoolKind kind;
  private final String scope;
  private final List<String> entries;
  private final Map<IpFamily, RangeSet> ranges;
  private final Set<IpFamily> dhcp;

  Pool(String key, PoolKind kind, String scope, List<String> entries, Map<IpFamily, RangeSet> ranges, Set<IpFamily> dhcp) {
    this.key = key;
    this.kind = kind;
    this.scope = scope;
    this.entries = List.copyOf(entries);
    this.ranges = new EnumMap<>(ranges);
    this.dhcp = dhcp.isEmpty() ? EnumSet.noneOf(IpFamily.class) : EnumSet.copyOf(dhcp);
  }

  /** The ConfigMap key, e.g. {@code cidr-prod}. */
  public String key() {
    return key;
  }

  public PoolKind kind() {
    return kind;
  }

  /** The namespace the key names, or {@code global}. */
  public String scope() {
    return scope;
  }

  /** The accepted entries as written (trimmed), for messages. */
  public List<String> entries() {
    return entries;
  }

  /** True when the pool can serve {@code family}: it has addresses of that family or is DHCP for it. */
  public boolean serves(IpFamily family) {
    return dhcp.contains(family) || ranges.containsKey(family);
  }

  /** True when this pool hands out the DHCP marker for {@code family}. */
  public boolean isDhcp(IpFamily family) {
    return dhcp.contains(family);
  }

  /** True when {@code vip}'s address lies in one of the pool's ranges (DHCP markers are in no pool). */
  public boolean contains(VipAddress vip) {
    RangeSet set = ranges.get(vip.family());
    return set != null && !vip.isDhcpMarker() && set.contains(AddressValue.of(vip));
  }

  /** The merged ranges of {@code family}; null when the pool has none. */
  RangeSet ranges(IpFamily family) {
    return ranges.get(family);
  }

  @Override
  public String toString() {
    return key + " (" + String.join(",", entries) + ")";
  }
}
