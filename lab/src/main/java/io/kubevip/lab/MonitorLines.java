// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the lines of {@code ping -D -O}, {@code ip monitor neigh} and {@code ip -o monitor address}, the
 * three streams the prober follows. Lines that say nothing about our address parse to empty.
 */
public final class MonitorLines {
  private static final Pattern PING_TS = Pattern.compile("^\\[(\\d+)\\.(\\d{1,6})\\]\\s+(.*)$");
  private static final Pattern PING_SEQ = Pattern.compile("icmp_seq=(\\d+)");
  private static final Pattern NEIGH = Pattern.compile(
      "^(?<del>(?:delete|Deleted)\\s+)?(?<ip>\\S+)\\s+dev\\s+(?<dev>\\S+)(?:.*?\\slladdr\\s+(?<mac>[0-9a-f:]{17}))?"
      + "(?:.*\\s(?<state>[A-Z]+))?\\s*$");
  private static final Pattern ADDR = Pattern.compile(
      "^(?<del>Deleted\\s+)?\\d+:\\s+(?<dev>\\S+)\\s+inet6?\\s+(?<addr>[0-9a-fA-F.:]+)/\\d+.*$");

  private MonitorLines() {}

  /** One ping outcome: a reply, or a probe that got none (no answer yet / unreachable). */
  public record Ping(long atMicros, int seq, boolean reply) {}

  /** The client's neighbour entry for an address: the MAC (null when none, e.g. FAILED) and whether deleted. */
  public record Neigh(String ip, String mac, String state, boolean deleted) {}

  /** An address added to or removed from an interface. */
  public record Addr(String device, String address, boolean deleted) {}

  /** {@code [1795670927.676417] 64 bytes from ...: icmp_seq=2 ...} or {@code ... no answer yet for icmp_seq=1}. */
  public static Optional<Ping> ping(String line) {
    Matcher m = PING_TS.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String micros = (m.group(2) + "000000").substring(0, 6);
    long at = Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(micros);
    String rest = m.group(3);
    Matcher seq = PING_SEQ.matcher(rest);
    if (!seq.find()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(seq.group(1));
    boolean reply = rest.contains(" bytes from ") && !rest.contains("Unreachable");
    return Optional.of(new Ping(at, n, reply));
  }

  public static Optional<Neigh> neigh(String line, String ip) {
    Matcher m = NEIGH.matcher(line.strip());
    if (!m.matches() || !sameAddress(m.group("ip"), ip)) {
      return Optional.empty();
    }
    String state = m.group("state") == null ? "" : m.group("state");
    return Optional.of(new Neigh(m.group("ip"), m.group("mac"), state, m.group("del") != null));
  }

  public static Optional<Addr> addr(String line, String ip) {
    Matcher m = ADDR.matcher(line.strip());
    if (!m.matches() || !sameAddress(m.group("addr"), ip)) {
      return Optional.empty();
    }
    return Optional.of(new Addr(m.group("dev"), m.group("addr"), m.group("del") != null));
  }

  static boolean sameAddress(String a, String b) {
    return a.equalsIgnoreCase(b);
  }
}
