// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.services;

import io.kubevip.lab.LabTopology;
import io.kubevip.lab.LineStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each pool address first appeared on a node's interface, seen from outside the managers: one long-lived
 * {@code ip -n <node> -ts -o monitor address} per node (kernel notifications, no polling), its own timestamp taken
 * when ip received the notification, so a busy bench JVM reading the pipe late does not inflate the figures.
 */
final class AddressMonitor implements AutoCloseable {
  private static final Pattern LINE = Pattern.compile(
      "^\\[(?<ts>[0-9T:.-]+)\\]\\s+(?<del>Deleted\\s+)?\\d+:\\s+(?<dev>\\S+)\\s+inet\\s+(?<addr>[0-9.]+)/\\d+.*$");

  /** The first time an address was added anywhere, and where. */
  record Seen(long atMicros, String node) {}

  private final Pool4 pool;
  private final Map<String, Seen> first = new ConcurrentHashMap<>();
  private final AtomicLong adds = new AtomicLong();
  private final AtomicLong deletes = new AtomicLong();
  private final List<LineStream> streams = new ArrayList<>();

  AddressMonitor(LabTopology topology, Pool4 pool) {
    this.pool = pool;
    for (String node : topology.nodes()) {
      streams.add(LineStream.start("addr-" + node,
          List.of("ip", "-n", topology.ns(node), "-ts", "-o", "monitor", "address"),
          (readAt, line) -> accept(node, line)));
    }
  }

  private void accept(String node, String line) {
    Matcher m = LINE.matcher(line.strip());
    if (!m.matches() || !pool.contains(m.group("addr"))) {
      return;
    }
    if (m.group("del") != null) {
      deletes.incrementAndGet();
      return;
    }
    adds.incrementAndGet();
    first.putIfAbsent(m.group("addr"), new Seen(micros(m.group("ts")), node));
  }

  /** ip's {@code -ts} stamp, local time with microseconds, e.g. {@code 2026-11-26T07:47:09.692655}. */
  static long micros(String ts) {
    var instant = LocalDateTime.parse(ts).atZone(ZoneId.systemDefault()).toInstant();
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  Seen first(String address) {
    return first.get(address);
  }

  int distinct() {
    return first.size();
  }

  long adds() {
    return adds.get();
  }

  long deletes() {
    return deletes.get();
  }

  @Override
  public void close() {
    streams.forEach(LineStream::close);
  }
}
