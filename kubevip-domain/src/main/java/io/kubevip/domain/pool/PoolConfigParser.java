// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns ConfigMap data into a {@link PoolConfig}. Unknown keys are reported (a misspelt {@code cidr_global} would
 * otherwise silently leave every Service without an address), except keys starting with {@code x-}, which are left
 * for users' own notes and tooling.
 */
final class PoolConfigParser {
  static final String SEARCH_ORDER = "search-order";
  static final String SKIP_END_IPS = "skip-end-ips-in-cidr";
  static final String USER_KEY_PREFIX = "x-";
  private static final String ALLOW_SHARE = "allow-share-";
  private static final String INTERFACE = "interface-";
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final String KNOWN = "expected cidr-<namespace>, range-<namespace>, allow-share-<namespace>,"
      + " interface-<namespace> (each also with -global), search-order, skip-end-ips-in-cidr, or x-<anything> for notes";

  private final List<PoolProblem> problems = new ArrayList<>();
  private final Map<String, ScopeConfig> scopes = new HashMap<>();

  private PoolConfigParser() {}

  static PoolConfig parse(Map<String, String> data) {
    PoolConfigParser p = new PoolConfigParser();
    Map<String, String> sorted = new TreeMap<>(data); // deterministic problem order
    SearchOrder order = p.searchOrder(sorted);
    boolean skipEnds = p.skipEnds(sorted);
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      p.key(e.getKey(), e.getValue() == null ? "" : e.getValue(), skipEnds);
    }
    p.problems.sort(java.util.Comparator.comparing(PoolProblem::key)); // stable: entry order kept within a key
    return new PoolConfig(p.scopes, order, skipEnds, p.problems);
  }

  private void key(String key, String value, boolean skipEnds) {
    if (key.equals(SEARCH_ORDER) || key.equals(SKIP_END_IPS) || key.startsWith(USER_KEY_PREFIX)) {
      return;
    }
    if (key.startsWith("cidr-")) {
      scoped(key, "cidr-", s -> update(s, c -> c.withCidr(pool(key, s, PoolKind.CIDR, value, skipEnds))));
    } else if (key.startsWith("range-")) {
      scoped(key, "range-", s -> update(s, c -> c.withRange(pool(key, s, PoolKind.RANGE, value, false))));
    } else if (key.startsWith(ALLOW_SHARE)) {
      scoped(key, ALLOW_SHARE, s -> update(s, c -> c.withAllowShare(bool(key, value))));
    } else if (key.startsWith(INTERFACE)) {
      scoped(key, INTERFACE, s -> {
        String name = interfaceName(key, value);
        if (name != null) {
          update(s, c -> c.withInterface(name));
        }
      });
    } else {
      problems.add(new PoolProblem(key, "", "unknown key" + suggestion(key) + "; " + KNOWN));
    }
  }

  private void scoped(String key, String prefix, java.util.function.Consumer<String> action) {
    String scope = key.substring(prefix.length());
    if (!NAMESPACE.matcher(scope).matches()) {
      problems.add(new PoolProblem(key, "", "'" + scope + "' is not a namespace name (lower-case DNS-1123 label)"
          + " nor 'global', so this key never applies"));
      return;
    }
    action.accept(scope);
  }

  private void update(String scope, java.util.function.UnaryOperator<ScopeConfig> change) {
    scopes.put(scope, change.apply(scopes.getOrDefault(scope, ScopeConfig.EMPTY)));
  }

  private Pool pool(String key, String scope, PoolKind kind, String value, boolean skipEnds) {
    Map<IpFamily, List<AddressRange>> ranges = new EnumMap<>(IpFamily.class);
    Set<IpFamily> dhcp = EnumSet.noneOf(IpFamily.class);
    List<String> accepted = new ArrayList<>();
    Map<String, AddressRange> byEntry = new HashMap<>();
    for (String raw : value.split(",", -1)) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue; // "a,,b" and a trailing comma are harmless
      }
      ParsedEntry parsed = kind == PoolKind.CIDR ? EntryParser.cidr(entry, skipEnds) : EntryParser.range(entry);
      if (parsed instanceof ParsedEntry.Bad bad) {
        problems.add(new PoolProblem(key, entry, bad.message()));
      } else if (parsed instanceof ParsedEntry.Dhcp d) {
        dhcp.add(d.family());
        accepted.add(entry);
      } else if (parsed instanceof ParsedEntry.Addresses a) {
        ranges.computeIfAbsent(a.range().family(), f -> new ArrayList<>()).add(a.range());
        byEntry.put(entry, a.range());
        accepted.add(entry);
      }
    }
    for (IpFamily f : dhcp) {
      if (ranges.remove(f) != null) {
        for (Map.Entry<String, AddressRange> e : byEntry.entrySet()) {
          if (e.getValue().family() == f) {
            accepted.remove(e.getKey());
            problems.add(new PoolProblem(key, e.getKey(), "ignored: this key already selects DHCP for "
                + f.kubernetesName() + " (" + (f == IpFamily.IPV4 ? "0.0.0.0/32" : "::/128") + ")"));
          }
        }
      }
    }
    if (accepted.isEmpty()) {
      problems.add(new PoolProblem(key, "", "no usable entry: Services of " + scopeText(scope)
          + " will get no address until this key is fixed (" + (kind == PoolKind.CIDR
              ? "expected a comma list of CIDRs, e.g. 10.0.0.0/24,fd00::/120)"
              : "expected a comma list of start-end ranges, e.g. 10.0.0.10-10.0.0.20)")));
    }
    Map<IpFamily, RangeSet> sets = new EnumMap<>(IpFamily.class);
    ranges.forEach((f, list) -> sets.put(f, RangeSet.union(list)));
    return new Pool(key, kind, scope, accepted, sets, dhcp);
  }

  private static String scopeText(String scope) {
    return PoolConfig.GLOBAL.equals(scope) ? "namespaces without their own pool" : "namespace " + scope;
  }

  private Boolean bool(String key, String value) {
    // strconv.ParseBool spellings, which the cloud-provider uses for allow-share.
    switch (value.trim()) {
      case "1": case "t": case "T": case "true": case "TRUE": case "True":
        return Boolean.TRUE;
      case "0": case "f": case "F": case "false": case "FALSE": case "False":
        return Boolean.FALSE;
      default:
        problems.add(new PoolProblem(key, value, "expected true or false; treated as false"));
        return Boolean.FALSE;
    }
  }

  private String interfaceName(String key, String value) {
    String name = value.trim();
    // Linux dev_valid_name(): 1..15 bytes (IFNAMSIZ - 1), not "." or "..", no '/', ':' or whitespace.
    boolean ok = !name.isEmpty() && name.length() <= 15 && !name.equals(".") && !name.equals("..")
        && name.chars().noneMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c));
    if (!ok) {
      problems.add(new PoolProblem(key, value, "expected a network interface name (1-15 characters, no '/', ':'"
          + " or whitespace), e.g. eth0 or eth0.200"));
      return null;
    }
    return name;
  }

  private SearchOrder searchOrder(Map<String, String> data) {
    String v = data.get(SEARCH_ORDER);
    if (v == null || v.isBlank() || v.trim().equals("asc")) {
      return SearchOrder.ASCENDING;
    }
    if (v.trim().equals("desc")) {
      return SearchOrder.DESCENDING;
    }
    problems.add(new PoolProblem(SEARCH_ORDER, v, "expected desc (or asc, the default); using ascending"));
    return SearchOrder.ASCENDING;
  }

  private boolean skipEnds(Map<String, String> data) {
    String v = data.get(SKIP_END_IPS);
    if (v == null || v.trim().equals("false")) {
      return false;
    }
    if (v.trim().equals("true")) {
      return true;
    }
    problems.add(new PoolProblem(SKIP_END_IPS, v, "expected true or false; using false"));
    return false;
  }

  private static final Map<String, String> PLURALS = Map.of(
      "cidrs-", "cidr-", "ranges-", "range-", "allowshare-", ALLOW_SHARE, "allow-sharing-", ALLOW_SHARE,
      "interfaces-", INTERFACE);

  // Typo help: "cidr_global", "Range-Prod", "cidrs-prod", "search_order" look like known keys once normalised.
  private static String suggestion(String key) {
    String n = key.toLowerCase(Locale.ROOT).replace('_', '-');
    for (Map.Entry<String, String> e : new TreeMap<>(PLURALS).entrySet()) {
      if (n.startsWith(e.getKey())) {
        n = e.getValue() + n.substring(e.getKey().length());
      }
    }
    boolean known = n.equals(SEARCH_ORDER) || n.equals(SKIP_END_IPS)
        || List.of("cidr-", "range-", ALLOW_SHARE, INTERFACE).stream().anyMatch(n::startsWith);
    return known && !n.equals(key) ? " (did you mean " + n + "?)" : "";
  }
}
