// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** The results of a run, as a table for people and as one JSON object for scripts and benchmarks. */
public record LabReport(LabSettings settings, List<String> namespaces, List<EventResult> events, long apiWrites,
    Map<String, Long> apiWritesByResource) {
  private static final String[] HEADERS = {"event", "old owner", "new owner", "outage ms", "lost probes",
      "two owners", "takeover ms", "client ms", "ok", "note"};

  public boolean ok() {
    return events.stream().allMatch(EventResult::ok);
  }

  public String settingsLine() {
    return "nodes " + settings.nodes() + ", VIP " + settings.vip() + " on eth0 (ARP" + (settings.ipv6() ? "/NDP" : "")
        + "), lease " + settings.lease().toMillis() + " ms / renew " + settings.renew().toMillis() + " ms / retry "
        + settings.retry().toMillis() + " ms, probe every 10 ms from the client";
  }

  public String table() {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (EventResult e : events) {
      rows.add(new String[] {e.event(), dash(e.oldOwner()), dash(e.newOwner()), dash(e.outageMs()),
          String.valueOf(e.lostProbes()), String.valueOf(e.twoOwnerSamples()), dash(e.takeoverMs()),
          dash(e.clientSwitchMs()), e.ok() ? "yes" : "NO", e.note()});
    }
    int[] width = new int[HEADERS.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder(settingsLine()).append('\n');
    for (int n = 0; n < rows.size(); n++) {
      String[] r = rows.get(n);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(String.format("%-" + width[i] + "s", r[i])).append(i < r.length - 1 ? "  " : "");
      }
      sb.append(line.toString().stripTrailing()).append('\n');
      if (n == 0) {
        sb.append("-".repeat(line.toString().stripTrailing().length())).append('\n');
      }
    }
    sb.append("API writes during the run: ").append(apiWrites);
    if (!apiWritesByResource.isEmpty()) {
      sb.append(' ').append(apiWritesByResource);
    }
    sb.append('\n');
    return sb.toString();
  }

  private static String dash(Object o) {
    return o == null ? "-" : o.toString();
  }

  /** One JSON object; field names are snake_case like the rest of kubevip's JSON output. */
  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("nodes", settings.nodes());
    s.put("vip", settings.vip());
    s.put("ipv6", settings.ipv6());
    s.put("lease_ms", settings.lease().toMillis());
    s.put("renew_ms", settings.renew().toMillis());
    s.put("retry_ms", settings.retry().toMillis());
    s.put("probe_interval_ms", 10);
    root.put("settings", s);
    root.put("namespaces", namespaces);
    List<Map<String, Object>> ev = new ArrayList<>();
    for (EventResult e : events) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("event", e.event());
      m.put("old_owner", e.oldOwner());
      m.put("new_owner", e.newOwner());
      m.put("failover_ms", e.outageMs());
      m.put("lost_probes", e.lostProbes());
      m.put("two_owner_samples", e.twoOwnerSamples());
      m.put("takeover_ms", e.takeoverMs());
      m.put("client_switch_ms", e.clientSwitchMs());
      m.put("ok", e.ok());
      m.put("note", e.note());
      ev.add(m);
    }
    root.put("events", ev);
    root.put("api_writes", apiWrites);
    root.put("api_writes_by_resource", apiWritesByResource);
    root.put("ok", ok());
    return new ObjectMapper().writeValueAsString(root);
  }
}
