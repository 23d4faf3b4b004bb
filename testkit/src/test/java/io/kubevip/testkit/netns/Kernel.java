// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import java.util.List;
import java.util.Map;

/** Reads state through iproute2, an independent reader of the kernel, to check our own code. */
final class Kernel {
  private Kernel() {}

  /** "cidr" strings of every address on {@code dev}, e.g. {@code 10.99.0.50/32}. */
  @SuppressWarnings("unchecked")
  static List<String> addresses(Topology t, String role, String dev) {
    return t.ipJson(role, "addr", "show", "dev", dev).stream()
        .flatMap(l -> ((List<Map<String, Object>>) l.get("addr_info")).stream())
        .map(a -> a.get("local") + "/" + a.get("prefixlen"))
        .toList();
  }

  /** Destinations with protocol in a table, e.g. {@code 10.99.1.0/24 proto 248}. */
  static List<String> routes(Topology t, String role, String... selector) {
    String[] args = new String[selector.length + 2];
    args[0] = "route";
    args[1] = "show";
    System.arraycopy(selector, 0, args, 2, selector.length);
    List<String> v4 = routeJson(t, role, args).stream().map(Kernel::route).toList();
    String[] args6 = new String[args.length + 1];
    args6[0] = "-6";
    System.arraycopy(args, 0, args6, 1, args.length);
    List<String> v6 = routeJson(t, role, args6).stream().map(Kernel::route).toList();
    return java.util.stream.Stream.concat(v4.stream(), v6.stream()).toList();
  }

  /** A table that was never used (or emptied) makes ip fail with "FIB table does not exist". */
  private static List<Map<String, Object>> routeJson(Topology t, String role, String... args) {
    String[] cmd = new String[args.length + 2];
    cmd[0] = "ip";
    cmd[1] = "-j";
    System.arraycopy(args, 0, cmd, 2, args.length);
    Shell.Result r = t.exec(role, cmd);
    if (r.exitCode() != 0 && r.stderr().contains("FIB table does not exist")) {
      return List.of();
    }
    return Json.parseArrayOfObjects(r.requireSuccess().stdout());
  }

  private static String route(Map<String, Object> r) {
    return r.get("dst") + " proto " + r.get("protocol") + (r.containsKey("type") ? " type " + r.get("type") : "");
  }

  /** The lladdr the client's neighbour table holds for {@code ip}, or null. */
  static String neighbourMac(Topology t, String role, String ip) {
    return t.ipJson(role, "neigh", "show", "to", ip, "dev", "eth0").stream()
        .map(n -> (String) n.get("lladdr"))
        .findFirst()
        .orElse(null);
  }
}
