// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.testkit.netns.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Next hops of a destination in a namespace's kernel FIB, read with {@code ip -j route}: the independent check. */
final class RouterFib {
  private RouterFib() {}

  /** Gateways for {@code dst} ("10.99.100.1" or "fd99:100::1"); empty when there is no such route. */
  @SuppressWarnings("unchecked")
  static List<String> gateways(Topology t, String role, String dst) {
    String family = dst.contains(":") ? "-6" : "-4";
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r : t.ipJson(role, family, "route", "show", "proto", "bird")) {
      if (!dst.equals(r.get("dst"))) {
        continue;
      }
      if (r.get("gateway") != null) {
        out.add(String.valueOf(r.get("gateway")));
      }
      Object hops = r.get("nexthops");
      if (hops instanceof List<?> list) {
        for (Object h : list) {
          out.add(String.valueOf(((Map<String, Object>) h).get("gateway")));
        }
      }
    }
    return out;
  }
}
