// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses kube-vip's {@code bgp_peers} (or hands the structured list to {@link BgpPeerList}): comma-separated {@code address:AS:password:multihop:port:mpbgp:bfd}, IPv6
 * addresses in brackets, trailing fields optional. Errors name the peer (1-based, password redacted) and the
 * field, and every peer is checked so one run reports all mistakes.
 */
public final class BgpPeerParser {
  static final String REDACTED = "<redacted>";
  private static final String[] FIELDS = {"address", "AS", "password", "multihop", "port", "mpbgp", "bfd"};
  private static final Set<String> MPBGP_KEYS = Set.of("mpbgp_nexthop", "mpbgp_ipv4", "mpbgp_ipv6");

  private BgpPeerParser() {}

  /** Either form: kube-vip's string, or the structured list ({@link BgpPeerList}) when it starts with '['. */
  public static List<BgpPeer> parseAll(String text) {
    if (BgpPeerList.isStructured(text)) {
      return BgpPeerList.parseAll(text);
    }
    List<String> errors = errors(text);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(errors.get(0));
    }
    List<BgpPeer> peers = new ArrayList<>();
    for (String entry : entries(text)) {
      peers.add(parse(fields(entry)));
    }
    return peers;
  }

  /** Every problem, one message per bad peer; empty when all peers parse. */
  public static List<String> errors(String text) {
    if (BgpPeerList.isStructured(text)) {
      return BgpPeerList.errors(text);
    }
    List<String> errors = new ArrayList<>();
    List<String> entries = entries(text);
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      try {
        parse(fields(entry));
      } catch (IllegalArgumentException e) {
        errors.add("peer " + (i + 1) + " '" + redact(entry) + "': " + e.getMessage());
      }
    }
    return errors;
  }

  /** The same text with every password field replaced; tolerant of malformed input. */
  public static String redact(String text) {
    if (BgpPeerList.isStructured(text)) {
      return BgpPeerList.redact(text);
    }
    List<String> out = new ArrayList<>();
    for (String entry : text.split(",", -1)) {
      List<String> f;
      try {
        f = rawFields(entry.trim());
      } catch (IllegalArgumentException e) {
        // unparsable brackets: keep only what cannot be a password
        int colon = entry.indexOf(':');
        out.add(colon < 0 ? entry.trim() : entry.substring(0, colon).trim() + ":" + REDACTED);
        continue;
      }
      if (f.size() > 2 && !f.get(2).isEmpty()) {
        f.set(2, REDACTED);
      }
      String addr = f.get(0).contains(":") ? "[" + f.get(0) + "]" : f.get(0);
      f.set(0, addr);
      out.add(String.join(":", f));
    }
    return String.join(",", out);
  }

  /** How each peer is named in messages: {@code peer 1 '192.0.2.1:65000'} or {@code kubevip.bgp.peers[0] (192.0.2.1)}. */
  static List<String> labels(String text) {
    if (BgpPeerList.isStructured(text)) {
      return BgpPeerList.labels(text);
    }
    List<String> out = new ArrayList<>();
    String[] redacted = redact(text).split(",", -1);
    for (int i = 0; i < redacted.length; i++) {
      out.add("peer " + (i + 1) + " '" + redacted[i].trim() + "'");
    }
    return out;
  }

  private static List<String> entries(String text) {
    List<String> entries = new ArrayList<>();
    for (String e : text.split(",", -1)) {
      entries.add(e.trim());
    }
    return entries;
  }

  private static List<String> fields(String entry) {
    List<String> f = rawFields(entry);
    if (f.size() > FIELDS.length) {
      throw new IllegalArgumentException("has " + f.size() + " fields; expected at most " + FIELDS.length
          + " (address:AS:password:multihop:port:mpbgp:bfd; IPv6 addresses in brackets)");
    }
    return f;
  }

  private static List<String> rawFields(String entry) {
    List<String> f = new ArrayList<>();
    String rest;
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("address has '[' without ']'; expected [2001:db8::1]:65000");
      }
      f.add(entry.substring(1, close));
      rest = entry.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new IllegalArgumentException("expected ':' after ']'");
      }
      rest = rest.isEmpty() ? "" : rest.substring(1);
    } else {
      int colon = entry.indexOf(':');
      f.add(colon < 0 ? entry : entry.substring(0, colon));
      rest = colon < 0 ? null : entry.substring(colon + 1);
    }
    if (rest != null) {
      for (String s : rest.split(":", -1)) {
        f.add(s);
      }
    }
    return f;
  }

  private static BgpPeer parse(List<String> f) {
    String addressText = f.get(0);
    if (addressText.isEmpty()) {
      throw new IllegalArgumentException("address is empty; expected an IP, IPv6 in brackets");
    }
    InetAddress address;
    try {
      address = IpText.parse(addressText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("address '" + addressText + "' " + e.getMessage()
          + " (IPv6 in brackets: [2001:db8::1]:65000)");
    }
    if (f.size() < 2 || f.get(1).isEmpty()) {
      throw new IllegalArgumentException("AS is missing; expected address:AS, e.g. 192.0.2.1:65000");
    }
    long as = number(f.get(1), "AS", 1, 4294967295L);
    String password = field(f, 2);
    boolean multihop = bool(field(f, 3), "multihop");
    int port = field(f, 4).isEmpty() ? BgpPeer.DEFAULT_PORT : (int) number(field(f, 4), "port", 1, 65535);
    Map<String, String> mpbgp = mpbgp(field(f, 5));
    BgpPeer.Bfd bfd = bfd(field(f, 6));
    return new BgpPeer(address, as, password, multihop, port, mpbgp, bfd);
  }

  private static String field(List<String> f, int i) {
    return i < f.size() ? f.get(i).trim() : "";
  }

  /** {@code text} as a whole number in [min, max]; the error names {@code field} and the range (both peer syntaxes). */
  static long number(String text, String field, long min, long max) {
    long v;
    try {
      v = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " '" + text + "' is not a number; expected " + min + ".." + max);
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(field + " " + v + " is out of range; expected " + min + ".." + max);
    }
    return v;
  }

  private static boolean bool(String text, String field) {
    if (text.isEmpty()) {
      return false;
    }
    try {
      return Boolean.parseBoolean(Types.bool().normalize(text, Origin.ENV));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " '" + text + "' is not a boolean; expected true or false");
    }
  }

  private static Map<String, String> mpbgp(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String kv : text.split(";")) {
      int eq = kv.indexOf('=');
      String key = eq < 0 ? kv : kv.substring(0, eq);
      if (eq < 0 || !MPBGP_KEYS.contains(key)) {
        throw new IllegalArgumentException("mpbgp option '" + kv + "' is not key=value with key one of "
            + String.join(", ", MPBGP_KEYS.stream().sorted().toList()));
      }
      String value = kv.substring(eq + 1);
      if (key.equals("mpbgp_nexthop") && !List.of("fixed", "auto_sourceip", "auto_sourceif").contains(value)) {
        throw new IllegalArgumentException("mpbgp_nexthop '" + value + "' is not allowed; expected fixed, auto_sourceip or auto_sourceif");
      }
      out.put(key, value);
    }
    return out;
  }

  private static BgpPeer.Bfd bfd(String text) {
    if (text.isEmpty()) {
      return BgpPeer.Bfd.DISABLED;
    }
    String[] p = text.split(";", -1);
    if (p.length > 4) {
      throw new IllegalArgumentException("bfd '" + text + "' has too many parts; expected enable;rx_ms;tx_ms;multiplier");
    }
    boolean enabled = p[0].trim().equalsIgnoreCase("enable") || bool(p[0].trim(), "bfd enable");
    int rx = p.length > 1 && !p[1].isBlank() ? (int) number(p[1], "bfd rx_ms", 1, 60000) : 300;
    int tx = p.length > 2 && !p[2].isBlank() ? (int) number(p[2], "bfd tx_ms", 1, 60000) : 300;
    int mult = p.length > 3 && !p[3].isBlank() ? (int) number(p[3], "bfd multiplier", 1, 255) : 3;
    return new BgpPeer.Bfd(enabled, rx, tx, mult);
  }
}
