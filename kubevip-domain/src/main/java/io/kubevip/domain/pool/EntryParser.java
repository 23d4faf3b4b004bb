// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpLiterals;
import java.net.InetAddress;
import java.util.Optional;

/** Parses one CIDR ({@code 10.0.0.0/24}) or range ({@code 10.0.0.10-10.0.0.20}) entry without DNS. */
final class EntryParser {
  private EntryParser() {}

  static ParsedEntry cidr(String entry, boolean skipEnds) {
    int slash = entry.indexOf('/');
    if (slash < 0) {
      return new ParsedEntry.Bad("expected a CIDR such as 10.0.0.0/24 or fd00::/120 (address/prefix)");
    }
    Optional<InetAddress> address = IpLiterals.parse(entry.substring(0, slash).trim());
    if (address.isEmpty()) {
      return new ParsedEntry.Bad("'" + entry.substring(0, slash).trim() + "' is not an IPv4 or IPv6 address");
    }
    AddressValue base = AddressValue.of(address.get());
    int bits = base.family().bits();
    String prefixText = entry.substring(slash + 1).trim();
    int prefix = parsePrefix(prefixText, bits);
    if (prefix < 0) {
      return new ParsedEntry.Bad("prefix must be 0.." + bits);
    }
    if (prefix == bits && base.lo() == 0 && base.hi() == 0) {
      return new ParsedEntry.Dhcp(base.family()); // 0.0.0.0/32, ::/128: kube-vip leases the address by DHCP
    }
    // A host part is masked off (10.0.0.5/24 means 10.0.0.0/24), as Go's net.ParseCIDR does for the cloud-provider.
    AddressValue first = base.networkStart(prefix);
    AddressValue last = base.networkEnd(prefix);
    if (skipEnds && prefix <= bits - 2) {
      // /31, /32, /127, /128 have no network/broadcast pair (RFC 3021), so they keep every address.
      first = first.next();
      last = last.previous();
    }
    return checked(new AddressRange(first, last));
  }

  static ParsedEntry range(String entry) {
    String[] ends = entry.split("-", -1);
    if (ends.length != 2) {
      return new ParsedEntry.Bad("expected start-end, e.g. 10.0.0.10-10.0.0.20 or fd00::10-fd00::20");
    }
    Optional<InetAddress> start = IpLiterals.parse(ends[0].trim());
    Optional<InetAddress> end = IpLiterals.parse(ends[1].trim());
    if (start.isEmpty() || end.isEmpty()) {
      String bad = start.isEmpty() ? ends[0].trim() : ends[1].trim();
      return new ParsedEntry.Bad("'" + bad + "' is not an IPv4 or IPv6 address; expected start-end");
    }
    AddressValue first = AddressValue.of(start.get());
    AddressValue last = AddressValue.of(end.get());
    if (first.family() != last.family()) {
      return new ParsedEntry.Bad("start and end must be of the same family (both IPv4 or both IPv6)");
    }
    if (first.compareTo(last) > 0) {
      return new ParsedEntry.Bad("start " + first + " is after end " + last);
    }
    return checked(new AddressRange(first, last));
  }

  // A range lying wholly in one special block (multicast, loopback, ...) can never yield a VIP: surely a typo.
  private static ParsedEntry checked(AddressRange r) {
    AddressRules.Block block = AddressRules.blockOf(r.first());
    if (block != null && block.range().contains(r.last())) {
      return new ParsedEntry.Bad("lies in " + block.name() + " address space, which cannot hold a VIP");
    }
    return new ParsedEntry.Addresses(r);
  }

  private static int parsePrefix(String text, int bits) {
    if (text.isEmpty() || text.length() > 3) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return -1;
      }
    }
    int p = Integer.parseInt(text);
    return p <= bits ? p : -1;
  }
}
