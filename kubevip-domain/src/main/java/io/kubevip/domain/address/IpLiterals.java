// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.address;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses IP address literals without ever asking DNS. {@link InetAddress#getByName} resolves anything that is
 * not a literal, which in a node agent means a slow, surprising lookup for a typo; this class accepts only
 * dotted-quad IPv4 and RFC 4291 text IPv6 (zone ids refused).
 */
public final class IpLiterals {
  private IpLiterals() {}

  /** The address the literal denotes, or empty when {@code text} is not an IPv4 or IPv6 literal. */
  public static Optional<InetAddress> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return Optional.empty();
    }
    if (text.indexOf(':') >= 0) {
      return parseV6(text);
    }
    return parseV4(text);
  }

  private static Optional<InetAddress> parseV4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return Optional.empty(); // leading zeros are ambiguous (octal in some parsers): refuse them
      }
      int v = 0;
      for (int j = 0; j < p.length(); j++) {
        char c = p.charAt(j);
        if (c < '0' || c > '9') {
          return Optional.empty();
        }
        v = v * 10 + (c - '0');
      }
      if (v > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) v;
    }
    return byAddress(bytes);
  }

  // Own RFC 4291 section 2.2 parser: InetAddress.getByName falls back to a DNS lookup for text such as "a:b"
  // that merely looks like IPv6, which is exactly what this class promises never to do.
  private static Optional<InetAddress> parseV6(String text) {
    byte[] bytes = Ipv6Literal.parse(text);
    return bytes == null ? Optional.empty() : byAddress(bytes);
  }

  private static Optional<InetAddress> byAddress(byte[] bytes) {
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
