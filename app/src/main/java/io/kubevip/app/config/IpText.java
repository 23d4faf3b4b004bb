// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP literals without any DNS lookup: {@link InetAddress#getByName} is only reached for literal-shaped text. */
final class IpText {
  private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]+");

  private IpText() {}

  static boolean isLiteral(String text) {
    return V4.matcher(text).matches() || (text.contains(":") && V6.matcher(text).matches() && parseOrNull(text) != null);
  }

  static InetAddress parse(String text) {
    InetAddress a = isLiteral(text) ? parseOrNull(text) : null;
    if (a == null) {
      throw new IllegalArgumentException("is not an IP address; expected e.g. 192.0.2.1 or 2001:db8::1");
    }
    return a;
  }

  private static InetAddress parseOrNull(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }
}
