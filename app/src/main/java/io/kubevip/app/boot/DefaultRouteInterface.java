// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** kube-vip's fallback when {@code vip_interface} is unset: the interface of the IPv4 default route. */
final class DefaultRouteInterface {
  static final Path PROC_NET_ROUTE = Path.of("/proc/net/route");

  private DefaultRouteInterface() {}

  static Optional<String> find(Path procNetRoute) {
    try {
      return parse(Files.readAllLines(procNetRoute));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Lines of {@code /proc/net/route}: Iface, Destination (hex), Gateway, Flags, ... with a header first. */
  static Optional<String> parse(List<String> lines) {
    return lines.stream().skip(1).map(l -> l.trim().split("\\s+"))
        .filter(f -> f.length > 2 && f[1].equals("00000000")).map(f -> f[0]).findFirst();
  }
}
