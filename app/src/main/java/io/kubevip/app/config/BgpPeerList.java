// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static io.kubevip.app.config.BgpPeerParser.number;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The structured form of {@code kubevip.bgp.peers}: a YAML list of peers with the knobs kube-vip's
 * {@code address:AS:...} string has no room for (communities, local preference, per-peer timers and source). It
 * travels through resolution as one value, a JSON (YAML flow) list, so precedence, validation, redaction and
 * {@code kubevip config} treat it like every other setting; {@link #fold} builds that value from
 * {@code kubevip.bgp.peers[0].address=...} properties and {@link #toJson} from a YAML list.
 */
public final class BgpPeerList {
  /** The property the list lives under. */
  public static final String PROPERTY = "kubevip.bgp.peers";
  static final List<String> FIELDS = List.of("address", "as", "password", "multihop", "port", "mpbgp", "bfd",
      "source-address", "source-interface", "hold-time", "keepalive", "communities", "large-communities",
      "local-pref");
  private static final Set<String> MPBGP_FIELDS = Set.of("nexthop", "ipv4", "ipv6");
  private static final Set<String> BFD_FIELDS = Set.of("enabled", "rx-ms", "tx-ms", "multiplier");
  private static final Pattern INDEXED = Pattern.compile("kubevip\\.bgp\\.peers\\[(\\d+)]\\.(.+)");
  private static final Pattern COMMUNITY = Pattern.compile("(\\d{1,5}):(\\d{1,5})");
  private static final Pattern LARGE_COMMUNITY = Pattern.compile("(\\d{1,10}):(\\d{1,10}):(\\d{1,10})");
  private static final long U32 = 0xffffffffL;

  private BgpPeerList() {}

  /**
   * Whether {@code text} is the structured form, a list of maps ({@code [{...}]} or {@code []}), rather than
   * kube-vip's string, whose IPv6 peers also start with '[' ({@code [2001:db8::1]:65000}).
   */
  public static boolean isStructured(String text) {
    if (text == null) {
      return false;
    }
    String t = text.strip();
    if (!t.startsWith("[")) {
      return false;
    }
    String rest = t.substring(1).stripLeading();
    return rest.startsWith("{") || rest.startsWith("]");
  }

  /** Every peer, in order; throws {@link IllegalArgumentException} with the first problem. */
  static List<BgpPeer> parseAll(String text) {
    List<String> errors = errors(text);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(errors.get(0));
    }
    List<BgpPeer> out = new ArrayList<>();
    for (Map<String, Object> m : entries(text)) {
      out.add(peer(m));
    }
    return out;
  }

  /** One message per bad peer, each naming the peer (index and address) and the field. */
  static List<String> errors(String text) {
    List<Map<String, Object>> entries;
    try {
      entries = entries(text);
    } catch (IllegalArgumentException e) {
      return List.of(PROPERTY + " " + e.getMessage());
    }
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      try {
        peer(entries.get(i));
      } catch (IllegalArgumentException e) {
        errors.add(label(i, entries.get(i)) + ": " + e.getMessage());
      }
    }
    return errors;
  }

  /** How peer {@code i} is named in messages: {@code kubevip.bgp.peers[0] (192.0.2.1)}. */
  static List<String> labels(String text) {
    List<Map<String, Object>> entries = entries(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      out.add(label(i, entries.get(i)));
    }
    return out;
  }

  private static String label(int i, Map<String, Object> m) {
    Object a = m.get("address");
    return PROPERTY + "[" + i + "]" + (a == null ? "" : " (" + a + ")");
  }

  /** The same list with every password replaced; the raw text when it does not parse. */
  static String redact(String text) {
    try {
      List<Map<String, Object>> entries = entries(text);
      for (Map<String, Object> m : entries) {
        if (m.get("password") != null && !String.valueOf(m.get("password")).isEmpty()) {
          m.put("password", BgpPeerParser.REDACTED);
        }
      }
      return toJson(entries);
    } catch (IllegalArgumentException e) {
      return text.replaceAll("(?i)(password\"?\\s*[:=]\\s*)[^,}\\]]*", "$1" + BgpPeerParser.REDACTED);
    }
  }

  /**
   * Replaces {@code kubevip.bgp.peers[N].field} entries (properties files, system properties; Spring's indexed
   * form) by one {@code kubevip.bgp.peers} entry per location holding the list as JSON. Other entries keep their
   * order.
   */
  public static List<PropertyEntry> fold(List<PropertyEntry> entries) {
    Map<String, TreeMap<Integer, Map<String, Object>>> byLocation = new LinkedHashMap<>();
    List<PropertyEntry> out = new ArrayList<>();
    Map<String, Integer> firstIndex = new LinkedHashMap<>();
    for (PropertyEntry e : entries) {
      Matcher m = INDEXED.matcher(e.key());
      if (!m.matches()) {
        out.add(e);
        continue;
      }
      firstIndex.putIfAbsent(e.location(), out.size());
      Map<String, Object> peer = byLocation.computeIfAbsent(e.location(), k -> new TreeMap<>())
          .computeIfAbsent(Integer.parseInt(m.group(1)), k -> new LinkedHashMap<>());
      String[] path = new PropertyEntry(m.group(2), "", "").canonicalKey().split("\\.", 2);
      if (path.length == 2) {
        @SuppressWarnings("unchecked")
        Map<String, Object> sub = (Map<String, Object>) peer.computeIfAbsent(path[0], k -> new LinkedHashMap<>());
        sub.put(path[1], e.value());
      } else {
        String key = path[0].replaceFirst("\\[\\d+]$", "");
        if (!key.equals(path[0])) { // communities[0]=65000:100
          @SuppressWarnings("unchecked")
          List<Object> list = (List<Object>) peer.computeIfAbsent(key, k -> new ArrayList<>());
          list.add(e.value());
        } else {
          peer.put(key, e.value());
        }
      }
    }
    List<String> locations = new ArrayList<>(firstIndex.keySet());
    for (int i = locations.size() - 1; i >= 0; i--) {
      String location = locations.get(i);
      String json = toJson(new ArrayList<>(byLocation.get(location).values()));
      out.add(firstIndex.get(location), new PropertyEntry(PROPERTY, json, location));
    }
    return out;
  }

  /** JSON text of a YAML list (maps, lists, scalars), which SnakeYAML reads back as the same structure. */
  public static String toJson(Object node) {
    StringBuilder b = new StringBuilder();
    json(node, b);
    return b.toString();
  }

  private static void json(Object node, StringBuilder b) {
    if (node instanceof Map<?, ?> m) {
      b.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(sep);
        json(String.valueOf(e.getKey()), b);
        b.append(':');
        json(e.getValue(), b);
        sep = ",";
      }
      b.append('}');
    } else if (node instanceof List<?> l) {
      b.append('[');
      String sep = "";
      for (Object o : l) {
        b.append(sep);
        json(o, b);
        sep = ",";
      }
      b.append(']');
    } else if (node == null) {
      b.append("null");
    } else if (node instanceof Number || node instanceof Boolean) {
      b.append(node);
    } else {
      b.append('"');
      for (char c : String.valueOf(node).toCharArray()) {
        if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      b.append('"');
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(String text) {
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("is not a list of peers: " + firstLine(e.getMessage()));
    }
    if (!(doc instanceof List<?> list)) {
      throw new IllegalArgumentException("is not a list of peers; expected e.g. [{address: 192.0.2.1, as: 65000}]");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("[" + i + "] is not a map; expected address, as, ... fields");
      }
      Map<String, Object> canonical = new LinkedHashMap<>();
      m.forEach((k, v) -> canonical.put(new PropertyEntry(String.valueOf(k), "", "").canonicalKey(), v));
      out.add(canonical);
    }
    return out;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  private static BgpPeer peer(Map<String, Object> m) {
    for (String k : m.keySet()) {
      if (!FIELDS.contains(k)) {
        throw new IllegalArgumentException("field '" + k + "' is unknown; expected one of " + String.join(", ",
            FIELDS) + Suggestions.didYouMean(k, FIELDS));
      }
    }
    String addressText = text(m, "address");
    if (addressText == null) {
      throw new IllegalArgumentException("address is missing; expected an IP address, e.g. 192.0.2.1");
    }
    InetAddress address = ip(addressText, "address");
    String asText = text(m, "as");
    if (asText == null) {
      throw new IllegalArgumentException("as is missing; expected the peer's AS number, e.g. 65000");
    }
    long as = number(asText, "as", 1, U32);
    String password = text(m, "password") == null ? "" : text(m, "password");
    if (password.length() > BgpChecks.MAX_PASSWORD) {
      throw new IllegalArgumentException("password is " + password.length() + " characters; expected at most "
          + BgpChecks.MAX_PASSWORD + " (TCP-MD5 key length)");
    }
    boolean multihop = bool(m, "multihop");
    int port = text(m, "port") == null ? BgpPeer.DEFAULT_PORT : (int) number(text(m, "port"), "port", 1, 65535);
    Map<String, String> mpbgp = mpbgp(m.get("mpbgp"));
    BgpPeer.Bfd bfd = bfd(m.get("bfd"));
    InetAddress source = text(m, "source-address") == null ? null : ip(text(m, "source-address"), "source-address");
    if (source != null && source.getClass() != address.getClass()) {
      throw new IllegalArgumentException("source-address " + source.getHostAddress()
          + " is not of the peer's address family");
    }
    String sourceIf = text(m, "source-interface");
    if (source != null && sourceIf != null) {
      throw new IllegalArgumentException("source-address and source-interface are both set; expected one");
    }
    Duration hold = duration(m, "hold-time");
    if (hold != null) {
      long s = hold.toSeconds();
      if (s == 1 || s == 2 || s > 65535 || hold.toMillis() % 1000 != 0) {
        throw new IllegalArgumentException("hold-time " + Durations.human(hold)
            + " is not allowed; expected 0 (no keepalives) or 3..65535 whole seconds (RFC 4271)");
      }
    }
    Duration keepalive = duration(m, "keepalive");
    if (hold != null && keepalive != null && !hold.isZero() && keepalive.compareTo(hold) >= 0) {
      throw new IllegalArgumentException("keepalive " + Durations.human(keepalive) + " is not shorter than hold-time "
          + Durations.human(hold) + "; expected keepalive < hold time, usually a third of it");
    }
    List<String> communities = list(m.get("communities"), "communities");
    for (String c : communities) {
      Matcher cm = COMMUNITY.matcher(c);
      if (!cm.matches() || Long.parseLong(cm.group(1)) > 0xffff || Long.parseLong(cm.group(2)) > 0xffff) {
        throw new IllegalArgumentException("communities '" + c + "' is not a standard community; expected"
            + " ASN:value with both 0..65535, e.g. 65000:100 (RFC 1997)" + base60Hint(c));
      }
    }
    List<String> large = list(m.get("large-communities"), "large-communities");
    for (String c : large) {
      Matcher lm = LARGE_COMMUNITY.matcher(c);
      if (!lm.matches() || Long.parseLong(lm.group(1)) > U32 || Long.parseLong(lm.group(2)) > U32
          || Long.parseLong(lm.group(3)) > U32) {
        throw new IllegalArgumentException("large-communities '" + c + "' is not a large community; expected"
            + " global:local1:local2, each 0..4294967295, e.g. 65000:1:2 (RFC 8092)" + base60Hint(c));
      }
    }
    Long localPref = text(m, "local-pref") == null ? null : number(text(m, "local-pref"), "local-pref", 0, U32);
    return new BgpPeer(address, as, password, multihop, port, mpbgp, bfd, source, sourceIf, hold, keepalive,
        communities, large, localPref);
  }

  // YAML 1.1 reads unquoted 65000:10 or 1:2:3 as base-60 integers
  private static String base60Hint(String value) {
    return value.matches("\\d+") ? "; in YAML quote it (\"65000:10\"): unquoted, YAML 1.1 reads it as a base-60"
        + " number" : "";
  }

  private static String text(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (v instanceof Map || v instanceof List) {
      throw new IllegalArgumentException(field + " is a " + (v instanceof Map ? "map" : "list")
          + "; expected a single value");
    }
    return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).trim();
  }

  private static InetAddress ip(String text, String field) {
    try {
      return IpText.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " '" + text + "' " + e.getMessage());
    }
  }

  private static boolean bool(Map<String, Object> m, String field) {
    String t = text(m, field);
    if (t == null) {
      return false;
    }
    try {
      return Boolean.parseBoolean(Types.bool().normalize(t, Origin.PROPERTY));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " '" + t + "' is not a boolean; expected true or false");
    }
  }

  private static Duration duration(Map<String, Object> m, String field) {
    String t = text(m, field);
    if (t == null) {
      return null;
    }
    try {
      return Durations.parse(t, ChronoUnit.SECONDS);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + " '" + t + "' is not a duration; expected seconds (30) or 30s");
    }
  }

  private static List<String> list(Object v, String field) {
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      l.forEach(o -> out.add(String.valueOf(o).trim()));
    } else if (v instanceof Map) {
      throw new IllegalArgumentException(field + " is a map; expected a list, e.g. [65000:100]");
    } else {
      for (String s : String.valueOf(v).split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }

  private static Map<String, String> mpbgp(Object v) {
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("mpbgp is not a map; expected {nexthop: fixed|auto_sourceip|auto_sourceif,"
          + " ipv4: ..., ipv6: ...}");
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String k = String.valueOf(e.getKey());
      if (!MPBGP_FIELDS.contains(k)) {
        throw new IllegalArgumentException("mpbgp." + k + " is unknown; expected nexthop, ipv4 or ipv6");
      }
      String value = String.valueOf(e.getValue()).trim();
      if (k.equals("nexthop") && !List.of("fixed", "auto_sourceip", "auto_sourceif").contains(value)) {
        throw new IllegalArgumentException("mpbgp.nexthop '" + value
            + "' is not allowed; expected fixed, auto_sourceip or auto_sourceif");
      }
      if (k.equals("ipv4") && !(ip(value, "mpbgp.ipv4") instanceof Inet4Address)) {
        throw new IllegalArgumentException("mpbgp.ipv4 '" + value + "' is not IPv4; expected e.g. 192.0.2.5");
      }
      if (k.equals("ipv6") && ip(value, "mpbgp.ipv6") instanceof Inet4Address) {
        throw new IllegalArgumentException("mpbgp.ipv6 '" + value + "' is not IPv6; expected e.g. 2001:db8::5");
      }
      out.put("mpbgp_" + k, value);
    }
    return out;
  }

  private static BgpPeer.Bfd bfd(Object v) {
    if (v == null) {
      return BgpPeer.Bfd.DISABLED;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    if (v instanceof Map<?, ?> raw) {
      raw.forEach((k, x) -> m.put(new PropertyEntry(String.valueOf(k), "", "").canonicalKey(), x));
      for (String k : m.keySet()) {
        if (!BFD_FIELDS.contains(k)) {
          throw new IllegalArgumentException("bfd." + k + " is unknown; expected enabled, rx-ms, tx-ms, multiplier");
        }
      }
    } else {
      m.put("enabled", v);
    }
    boolean enabled = !m.containsKey("enabled") || bool(m, "enabled");
    int rx = text(m, "rx-ms") == null ? 300 : (int) number(text(m, "rx-ms"), "bfd.rx-ms", BgpChecks.MIN_BFD_MS, 60000);
    int tx = text(m, "tx-ms") == null ? 300 : (int) number(text(m, "tx-ms"), "bfd.tx-ms", BgpChecks.MIN_BFD_MS, 60000);
    int mult = text(m, "multiplier") == null ? 3 : (int) number(text(m, "multiplier"), "bfd.multiplier", 1, 255);
    return new BgpPeer.Bfd(enabled, rx, tx, mult);
  }
}
