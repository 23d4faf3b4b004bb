// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

import java.util.List;
import java.util.Locale;

/**
 * One system and case over all its runs. {@code twoOwnerSamples} counts the whole case, recoveries and restarts
 * included, not only the windows around the injected failures.
 */
record CaseResult(String system, String name, String timingsJson, List<Event> events, int twoOwnerSamples,
    String error) {

  List<Long> outages() {
    return events.stream().map(Event::outageMs).toList();
  }

  long ok() {
    return events.stream().filter(e -> e.note().isEmpty()).count();
  }

  int flaps() {
    return events.stream().mapToInt(Event::flaps).sum();
  }

  int restartMoves() {
    return events.stream().mapToInt(Event::restartMoves).sum();
  }

  String toJson() {
    StringBuilder b = new StringBuilder("{");
    b.append("\"system\":\"").append(system).append("\",\"case\":\"").append(name).append("\",\"timings\":")
        .append(timingsJson).append(",\"n\":").append(events.size()).append(",\"ok\":").append(ok());
    b.append(",\"p50_ms\":").append(Stats.percentile(outages(), 50))
        .append(",\"p99_ms\":").append(Stats.percentile(outages(), 99))
        .append(",\"max_ms\":").append(Stats.max(outages()));
    List<Long> first = events.stream().map(Event::firstReplyMs).toList();
    List<Long> mac = events.stream().map(Event::clientSwitchMs).toList();
    b.append(",\"first_reply_p50_ms\":").append(Stats.percentile(first, 50))
        .append(",\"first_reply_p99_ms\":").append(Stats.percentile(first, 99))
        .append(",\"mac_switch_p50_ms\":").append(Stats.percentile(mac, 50))
        .append(",\"mac_switch_p99_ms\":").append(Stats.percentile(mac, 99));
    b.append(",\"two_owner_samples\":").append(twoOwnerSamples).append(",\"flaps\":").append(flaps())
        .append(",\"restart_vip_moves\":").append(restartMoves());
    b.append(",\"outages_ms\":").append(outages().toString().replace(" ", ""));
    List<String> notes = events.stream().map(Event::note).filter(n -> !n.isEmpty()).distinct().toList();
    if (!notes.isEmpty()) {
      b.append(",\"notes\":[");
      for (int i = 0; i < notes.size(); i++) {
        b.append(i == 0 ? "" : ",").append(quote(notes.get(i)));
      }
      b.append(']');
    }
    if (error != null) {
      b.append(",\"error\":").append(quote(error));
    }
    return b.append('}').toString();
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }

  /** A one-line human summary for the progress output. */
  String summary() {
    return String.format(Locale.ROOT, "%s %s: n=%d ok=%d p50=%s p99=%s max=%s ms, two-owner samples %d, flaps %d, "
        + "VIP moves during restarts %d%s",
        system, name, events.size(), ok(), Stats.percentile(outages(), 50), Stats.percentile(outages(), 99),
        Stats.max(outages()), twoOwnerSamples, flaps(), restartMoves(), error == null ? "" : " (stopped: " + error + ")");
  }
}
