// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The data LAN as the Services tests judge it, from outside every manager: which addresses the kernel of each node
 * has on eth0 ({@code ip -j addr}) and which MAC the client resolves an address to after pinging it
 * ({@code ip -j neigh}). Every packet leaves from the client namespace; nothing runs in the root namespace but
 * {@code ip -n}.
 */
final class LanView {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LabTopology topology;
  private final Map<String, String> macs = new ConcurrentHashMap<>();
  private final Set<String> offLan = ConcurrentHashMap.newKeySet();

  LanView(LabTopology topology) {
    this.topology = topology;
  }

  /** Addresses on the node's eth0 other than its own and link-local ones: the Service VIPs it holds. */
  Set<String> vipsOn(String node) {
    JsonNode links = json(topology.ip(node, "-j", "addr", "show", "dev", "eth0").stdout());
    Set<String> out = new TreeSet<>();
    for (JsonNode link : links) {
      for (JsonNode a : link.path("addr_info")) {
        String local = a.path("local").asText("");
        if (!local.isEmpty() && !local.equals(topology.dataV4(node)) && !local.equals(topology.dataV6(node))
            && !local.startsWith("fe80:")) {
          out.add(local);
        }
      }
    }
    return out;
  }

  /**
   * Sets the node's eth0 down, as a dead machine's: what is left on it no longer counts in {@link #holders()} (nobody
   * on the LAN can reach it), though {@link #vipsOn} still shows it.
   */
  void takeOffLan(String node) {
    offLan.add(node);
    topology.ip(node, "link", "set", "eth0", "down");
  }

  /** Undoes {@link #takeOffLan}. */
  void bringBackOnLan(String node) {
    topology.ip(node, "link", "set", "eth0", "up");
    offLan.remove(node);
  }

  /** address → nodes on the LAN holding it on eth0. */
  Map<String, Set<String>> holders() {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String node : topology.nodes()) {
      if (offLan.contains(node)) {
        continue;
      }
      for (String a : vipsOn(node)) {
        out.computeIfAbsent(a, k -> new TreeSet<>()).add(node);
      }
    }
    return out;
  }

  String mac(String node) {
    return macs.computeIfAbsent(node, topology::mac);
  }

  /**
   * Pings each address once from the client namespace, then returns the client's neighbour entries for them
   * (address → MAC), leaving out incomplete and failed ones.
   */
  Map<String, String> clientNeighbours(List<String> addresses) {
    if (addresses.isEmpty()) {
      return Map.of();
    }
    StringBuilder script = new StringBuilder();
    for (String a : addresses) {
      script.append("ping -q -c 1 -W 1 ").append(a).append(" >/dev/null 2>&1; ");
    }
    topology.exec(LabTopology.CLIENT, "sh", "-c", script.toString());
    Map<String, String> out = new TreeMap<>();
    for (String family : List.of("-4", "-6")) {
      for (JsonNode n : json(topology.ip(LabTopology.CLIENT, family, "-j", "neigh", "show", "dev", "eth0").stdout())) {
        String dst = n.path("dst").asText("");
        String mac = n.path("lladdr").asText("");
        List<String> states = new ArrayList<>();
        n.path("state").forEach(s -> states.add(s.asText()));
        if (addresses.contains(dst) && !mac.isEmpty() && !states.contains("FAILED")
            && !states.contains("INCOMPLETE")) {
          out.put(dst, mac);
        }
      }
    }
    return out;
  }

  /** Whether the client gets a reply from {@code address} (ping, ICMP or ICMPv6 by the address's family). */
  boolean clientReaches(String address) {
    return topology.exec(LabTopology.CLIENT, "ping", "-q", "-c", "1", "-W", "1", address).ok();
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text.isBlank() ? "[]" : text);
  }
}
