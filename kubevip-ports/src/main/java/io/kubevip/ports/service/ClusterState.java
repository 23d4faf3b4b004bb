// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable copy of what the cluster watch delivered, so a reconcile pass works on one consistent picture while
 * events keep arriving. The Services are the only allocation state: nothing here is remembered across restarts.
 *
 * @param services by {@code namespace/name}
 * @param slices by {@code namespace/name}, then slice name: ready nodes of each EndpointSlice (every slice, not only
 *     the last one received)
 * @param nodes by node
 * @param pools the parsed {@code kubevip} ConfigMap
 * @param hosts {@code kube-vip.io/vipHost} by {@code namespace/name}, only for Services that carry it
 * @param synced the initial listing was complete
 */
public record ClusterState(
    Map<String, ServiceIntent> services,
    Map<String, Map<String, Set<NodeId>>> slices,
    Map<NodeId, NodeInfo> nodes,
    PoolConfig pools,
    Map<String, NodeId> hosts,
    boolean synced) {

  public static final ClusterState EMPTY =
      new ClusterState(Map.of(), Map.of(), Map.of(), PoolConfig.parse(null), Map.of(), false);

  // Iterated in key order (every node judges the Services in the same order) and looked up by key thousands of times
  // per pass: hash maps in sorted insertion order, not tree maps (a lookup compared long common key prefixes), and not
  // Map.copyOf (keys like "ns/svc-0001", "ns/svc-0002" have neighbouring hashes, which pile up in its open table).
  public ClusterState {
    services = Collections.unmodifiableMap(new LinkedHashMap<>(sorted(services)));
    Map<String, Map<String, Set<NodeId>>> copy = new LinkedHashMap<>();
    sorted(slices).forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    slices = Collections.unmodifiableMap(copy);
    nodes = Map.copyOf(nodes);
    Objects.requireNonNull(pools, "pools");
    hosts = Collections.unmodifiableMap(new HashMap<>(hosts));
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return map instanceof SortedMap<String, V> s && s.comparator() == null ? map : new TreeMap<>(map);
  }

  /** Nodes with a ready endpoint of {@code service} in any of its slices. */
  public Set<NodeId> endpointNodes(ServiceRef service) {
    Set<NodeId> out = new HashSet<>();
    slices.getOrDefault(service.key(), Map.of()).values().forEach(out::addAll);
    return out;
  }

  public Optional<NodeId> host(ServiceRef service) {
    return Optional.ofNullable(hosts.get(service.key()));
  }
}
