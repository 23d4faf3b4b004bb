// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import io.kubevip.domain.address.InvalidVipException;
import io.kubevip.domain.address.VipAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * kube-vip's {@code address}: a comma list of IPs (0.0.0.0 / :: mean "lease from DHCP") and DNS names. Text that
 * looks like an address (contains ':' or ends in a numeric label) is held to {@link VipAddress#parse} so a typo
 * like 10.0.0.300 is reported instead of being looked up as a host name.
 *
 * @param addresses IP VIPs in the given order, DHCP markers included
 * @param dnsNames names to resolve later
 */
public record VipList(List<VipAddress> addresses, List<String> dnsNames) {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");

  public VipList {
    addresses = List.copyOf(addresses);
    dnsNames = List.copyOf(dnsNames);
  }

  /** @throws IllegalArgumentException naming the bad entry and what was expected */
  public static VipList parse(String text) {
    List<VipAddress> ips = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String t = item.trim();
      if (t.isEmpty()) {
        throw new IllegalArgumentException("has an empty entry; expected IPs or DNS names separated by commas");
      }
      if (looksLikeAddress(t)) {
        try {
          ips.add(VipAddress.parseAllowingDhcp(t));
        } catch (InvalidVipException e) {
          throw new IllegalArgumentException("has a bad entry: " + e.getMessage());
        }
      } else if (isDnsName(t)) {
        names.add(t.toLowerCase(java.util.Locale.ROOT));
      } else {
        throw new IllegalArgumentException("has a bad entry: '" + t
            + "' is neither an IP address nor a DNS name; expected e.g. 192.0.2.10, 2001:db8::10 or vip.example.com");
      }
    }
    return new VipList(ips, names);
  }

  public boolean hasDhcpMarker() {
    return addresses.stream().anyMatch(VipAddress::isDhcpMarker);
  }

  /** Canonical texts: addresses without prefix when they are host routes, then names. */
  public List<String> texts() {
    List<String> out = new ArrayList<>();
    for (VipAddress a : addresses) {
      out.add(a.isHostRoute() ? a.hostText() : a.toString());
    }
    out.addAll(dnsNames);
    return out;
  }

  private static boolean looksLikeAddress(String t) {
    if (t.contains(":") || t.contains("/")) {
      return true;
    }
    String last = t.substring(t.lastIndexOf('.') + 1);
    return !last.isEmpty() && last.chars().allMatch(Character::isDigit);
  }

  private static boolean isDnsName(String t) {
    if (t.length() > 253) {
      return false;
    }
    String name = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    for (String label : name.split("\\.", -1)) {
      if (!DNS_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}
