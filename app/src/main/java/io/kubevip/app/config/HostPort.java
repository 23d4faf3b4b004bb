// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

/**
 * A listen address as kube-vip writes it for {@code prometheus_server}: {@code :2112}, {@code 0.0.0.0:2112},
 * {@code [::1]:2112}. An empty host means every address. Port 0 asks the OS for a free port (tests use it).
 *
 * @param host IP literal, or null for every address
 * @param port 0..65535
 */
public record HostPort(String host, int port) {

  /** @throws IllegalArgumentException when the text is not [host]:port */
  public static HostPort parse(String text) {
    String t = text.trim();
    int colon = t.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("has no port; expected :port or host:port, e.g. :2112");
    }
    String host = t.substring(0, colon);
    String portText = t.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException("has an IPv6 host without brackets; expected e.g. [::1]:2112");
    }
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("has port '" + portText + "' that is not a number; expected 0..65535");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("has port " + port + " out of range; expected 0..65535");
    }
    if (host.isEmpty()) {
      return new HostPort(null, port);
    }
    if (!host.equals("localhost")) {
      IpText.parse(host);
    }
    return new HostPort(host, port);
  }

  @Override
  public String toString() {
    if (host == null) {
      return ":" + port;
    }
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
