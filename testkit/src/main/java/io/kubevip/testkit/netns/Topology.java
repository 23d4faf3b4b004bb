// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import io.kubevip.linux.NetNamespace;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throw-away LAN: namespace {@code lan} holds bridge br0; each role (n1..nN, client) is its own
 * namespace joined to br0 by a veth pair created inside {@code lan}, with eth0 on its side. Roles
 * get 10.99.0.1i/24 and fd99::1i/64 (client .100 / ::100), IPv4 forwarding off, IPv6 DAD off unless
 * a test turns {@code accept_dad} on for eth0. Namespace names are
 * unique per run ({@code kv<5 hex>-<role>}, at most 15 characters).
 *
 * <p>Tests refer to roles ("n1", "client", "lan"); {@link #ns(String)} gives the real name.
 */
public final class Topology implements AutoCloseable {
  public static final String LAN = "lan";
  public static final String CLIENT = "client";

  private final String prefix;
  private final List<String> roles = new ArrayList<>();
  private final Map<String, NetNamespace> namespaces = new LinkedHashMap<>();
  private final Thread shutdownHook;
  private boolean closed;

  private Topology(String prefix) {
    this.prefix = prefix;
    this.shutdownHook = new Thread(this::deleteNamespaces, "netns-topology-cleanup");
  }

  /** Builds {@code nodes} nodes (n1..), optionally a client, and the LAN; tears down on failure. */
  public static Topology build(int nodes, boolean client) {
    if (nodes < 0 || nodes > 9) {
      throw new IllegalArgumentException("nodes must be 0..9, was " + nodes);
    }
    byte[] id = new byte[3];
    ThreadLocalRandom.current().nextBytes(id);
    Topology t = new Topology("kv" + HexFormat.of().formatHex(id).substring(0, 5) + "-");
    Runtime.getRuntime().addShutdownHook(t.shutdownHook);
    try {
      t.createLan();
      for (int i = 1; i <= nodes; i++) {
        t.join("n" + i, "1" + i);
      }
      if (client) {
        t.join(CLIENT, "100");
      }
      return t;
    } catch (RuntimeException | Error e) {
      t.close();
      throw e;
    }
  }

  private void createLan() {
    addNamespace(LAN);
    ip(LAN, "link", "set", "lo", "up");
    ip(LAN, "link", "add", "br0", "type", "bridge", "stp_state", "0", "forward_delay", "0",
        "mcast_snooping", "0");
    ip(LAN, "link", "set", "br0", "up");
  }

  private void addNamespace(String role) {
    String name = ns(role);
    if (name.length() > 15) {
      throw new IllegalArgumentException("namespace name " + name + " exceeds 15 characters");
    }
    roles.add(role);
    Shell.run("ip", "netns", "add", name).requireSuccess();
  }

  private void join(String role, String host) {
    addNamespace(role);
    // No DAD by default, so link-local addresses are usable at once and the first NS/NA exchange of a
    // test is not delayed by a tentative source; tests that need DAD set accept_dad=1 on eth0.
    exec(role, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0")
        .requireSuccess();
    String veth = "v-" + role;
    // created inside the LAN namespace: the pair never exists in the root namespace
    ip(LAN, "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns(role));
    ip(LAN, "link", "set", veth, "master", "br0", "up");
    ip(role, "link", "set", "lo", "up");
    ip(role, "addr", "add", "10.99.0." + host + "/24", "dev", "eth0");
    ip(role, "addr", "add", "fd99::" + host + "/64", "dev", "eth0", "nodad");
    ip(role, "link", "set", "eth0", "up");
    exec(role, "sysctl", "-qw", "net.ipv4.ip_forward=0").requireSuccess();
  }

  /** The real namespace name of a role, e.g. {@code kv3fa2c-n1}. */
  public String ns(String role) {
    return prefix + role;
  }

  /** The roles in creation order: lan, n1.., client. */
  public List<String> roles() {
    return List.copyOf(roles);
  }

  public String ipv4(String role) {
    return "10.99.0." + host(role);
  }

  public String ipv6(String role) {
    return "fd99::" + host(role);
  }

  private String host(String role) {
    if (role.equals(CLIENT)) {
      return "100";
    }
    if (role.matches("n[1-9]")) {
      return "1" + role.substring(1);
    }
    throw new IllegalArgumentException("role " + role + " has no address; roles: " + roles);
  }

  /** eth0's MAC in a role's namespace, as {@code ip -j link show eth0} reports it. */
  public String mac(String role) {
    return String.valueOf(ipJson(role, "link", "show", "dev", "eth0").get(0).get("address"));
  }

  /** {@code ip -n <ns> args...}; fails the test when ip does. */
  public Shell.Result ip(String role, String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns(requireRole(role))));
    cmd.addAll(List.of(args));
    return Shell.run(cmd).requireSuccess();
  }

  /** {@code ip -j -n <ns> args...} parsed, e.g. {@code ipJson("n1", "addr", "show", "dev", "eth0")}. */
  public List<Map<String, Object>> ipJson(String role, String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "-j", "-n", ns(requireRole(role))));
    cmd.addAll(List.of(args));
    return Json.parseArrayOfObjects(Shell.run(cmd).requireSuccess().stdout());
  }

  /** {@code ip netns exec <ns> command...}; the caller checks the exit code. */
  public Shell.Result exec(String role, String... command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns(requireRole(role))));
    cmd.addAll(List.of(command));
    return Shell.run(cmd);
  }

  /** A {@link NetNamespace} for running Java code inside the role's namespace; closed with us. */
  public synchronized NetNamespace namespace(String role) {
    return namespaces.computeIfAbsent(requireRole(role), r -> NetNamespace.named(ns(r)));
  }

  private String requireRole(String role) {
    Objects.requireNonNull(role, "role");
    if (!roles.contains(role)) {
      throw new IllegalArgumentException("unknown role '" + role + "'; this topology has " + roles);
    }
    return role;
  }

  /** Deletes every namespace (and with them the veth pairs and bridge). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    namespaces.values().forEach(NetNamespace::close);
    deleteNamespaces();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it deletes the same namespaces, idempotently
    }
  }

  private void deleteNamespaces() {
    List<String> reversed = new ArrayList<>(roles);
    java.util.Collections.reverse(reversed);
    for (String role : reversed) {
      Shell.run("ip", "netns", "del", ns(role));
    }
  }
}
