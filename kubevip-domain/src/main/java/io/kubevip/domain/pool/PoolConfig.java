// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parsed {@code kube-system/kubevip} ConfigMap of kube-vip-cloud-provider. Parsing never throws: malformed
 * entries become {@link #problems()} and everything else keeps working, because one namespace's typo must not stop
 * every other namespace from getting addresses.
 *
 * <p>Lookup order for a namespace {@code ns}: {@code cidr-ns}, {@code range-ns}, {@code cidr-global},
 * {@code range-global}; the first key present is <em>the</em> pool (no fall-through when it is exhausted or
 * malformed, as upstream). Upstream code actually looks up {@code cidr-global} before {@code range-ns}; we keep
 * a namespace's own pool first, as its documentation promises, so a {@code range-ns} is not silently overridden.
 * {@code allow-share-*} and {@code interface-*} are looked up independently: namespace key, then global key.
 */
public final class PoolConfig {
  /** The scope name used for cluster-wide keys ({@code cidr-global}); a namespace named "global" shares them. */
  public static final String GLOBAL = "global";

  private final Map<String, ScopeConfig> scopes;
  private final SearchOrder searchOrder;
  private final boolean skipEndIpsInCidr;
  private final List<PoolProblem> problems;

  PoolConfig(Map<String, ScopeConfig> scopes, SearchOrder searchOrder, boolean skipEndIpsInCidr, List<PoolProblem> problems) {
    this.scopes = new TreeMap<>(scopes);
    this.searchOrder = searchOrder;
    this.skipEndIpsInCidr = skipEndIpsInCidr;
    this.problems = List.copyOf(problems);
  }

  /** Parses ConfigMap {@code data}; null means an absent ConfigMap (no pools, no problems). */
  public static PoolConfig parse(Map<String, String> configMapData) {
    return PoolConfigParser.parse(configMapData == null ? Map.of() : configMapData);
  }

  /** Everything that was wrong, in key order; empty for a clean config. */
  public List<PoolProblem> problems() {
    return problems;
  }

  public SearchOrder searchOrder() {
    return searchOrder;
  }

  public boolean skipEndIpsInCidr() {
    return skipEndIpsInCidr;
  }

  /** The pool Services of {@code namespace} get addresses from, or empty when no key applies. */
  public Optional<Pool> poolFor(String namespace) {
    for (ScopeConfig s : List.of(scope(namespace), scope(GLOBAL))) {
      if (s.cidr() != null) {
        return Optional.of(s.cidr());
      }
      if (s.range() != null) {
        return Optional.of(s.range());
      }
    }
    return Optional.empty();
  }

  /** The keys {@link #poolFor} consults, in order: for messages such as "no pool for namespace". */
  public static List<String> lookupKeys(String namespace) {
    return List.of(PoolKind.CIDR.key(namespace), PoolKind.RANGE.key(namespace),
        PoolKind.CIDR.key(GLOBAL), PoolKind.RANGE.key(GLOBAL));
  }

  /** {@code allow-share-<ns>}, else {@code allow-share-global}, else false. */
  public boolean allowShare(String namespace) {
    Boolean own = scope(namespace).allowShare();
    Boolean global = scope(GLOBAL).allowShare();
    return own != null ? own : global != null && global;
  }

  /** True when some scope has {@code allow-share-*} true: only then is the sharing index worth keeping. */
  boolean anySharing() {
    return scopes.values().stream().anyMatch(s -> Boolean.TRUE.equals(s.allowShare()));
  }

  /** {@code interface-<ns>}, else {@code interface-global}. */
  public Optional<String> interfaceName(String namespace) {
    String own = scope(namespace).interfaceName();
    return Optional.ofNullable(own != null ? own : scope(GLOBAL).interfaceName());
  }

  /** Every pool of every scope, in key order. */
  public List<Pool> pools() {
    List<Pool> all = new ArrayList<>();
    for (ScopeConfig s : scopes.values()) {
      if (s.cidr() != null) {
        all.add(s.cidr());
      }
      if (s.range() != null) {
        all.add(s.range());
      }
    }
    return all;
  }

  private ScopeConfig scope(String name) {
    return scopes.getOrDefault(name, ScopeConfig.EMPTY);
  }

  @Override
  public String toString() {
    return "PoolConfig" + pools() + (problems.isEmpty() ? "" : " problems=" + problems);
  }
}
