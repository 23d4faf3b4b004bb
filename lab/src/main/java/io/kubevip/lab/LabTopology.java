// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The lab's network: a data LAN (namespace {@code lan}, bridge br0, 10.99.0.0/24 and fd99::/64) joining the
 * nodes' eth0 and the client, and a separate management LAN ({@code mgmt}, bridge br1, 10.98.0.0/24) joining
 * the nodes' mgmt0 and the namespace {@code api} where the Kubernetes API runs. Two LANs, so that cutting a
 * node off the data LAN is not also an API partition unless the lab cuts both on purpose.
 *
 * <p>Every veth pair is created inside a bridge namespace and its peer moved straight into the role's
 * namespace: nothing is ever created in, or sent from, the root namespace. Names are unique per run
 * ({@code kl<4 hex>-<role>}, at most 15 characters), so labs can run side by side and leftovers are easy to
 * spot with {@code ip netns list}.
 */
public final class LabTopology implements AutoCloseable {
  public static final String LAN = "lan";
  public static final String MGMT = "mgmt";
  public static final String API = "api";
  public static final String CLIENT = "client";
  public static final int MAX_NODES = 9;

  private final String prefix;
  private final int nodes;
  private final List<String> created = new ArrayList<>();
  private final Set<String> cut = Collections.synchronizedSet(new LinkedHashSet<>());
  private boolean closed;

  private LabTopology(String prefix, int nodes) {
    this.prefix = prefix;
    this.nodes = nodes;
  }

  /** Builds the namespaces for {@code nodes} nodes (node1..), the client, the API and both LANs. */
  public static LabTopology build(int nodes) {
    LabTopology t = plan(nodes);
    t.create();
    return t;
  }

  /**
   * Names a topology without creating anything, so an owner can hold it (and {@link #close()} it from a shutdown
   * hook) before {@link #create()} starts making namespaces.
   */
  public static LabTopology plan(int nodes) {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new IllegalArgumentException("nodes must be 1.." + MAX_NODES + ", was " + nodes);
    }
    String id = HexFormat.of().formatHex(new byte[] {
        (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
    return new LabTopology("kl" + id + "-", nodes);
  }

  /** Creates everything {@link #plan} named; on failure removes what it made and rethrows. */
  public void create() {
    try {
      bridge(LAN, "br0");
      bridge(MGMT, "br1");
      namespace(API);
      attach(MGMT, "m-api", API, "eth0", List.of(apiAddress() + "/24"));
      for (String node : nodes()) {
        namespace(node);
        attach(LAN, "v-" + node, node, "eth0", List.of(dataV4(node) + "/24", dataV6(node) + "/64"));
        attach(MGMT, "m-" + node, node, "mgmt0", List.of(mgmtV4(node) + "/24"));
        exec(node, "sysctl", "-qw", "net.ipv4.ip_forward=0").requireSuccess();
      }
      namespace(CLIENT);
      attach(LAN, "v-" + CLIENT, CLIENT, "eth0", List.of(dataV4(CLIENT) + "/24", dataV6(CLIENT) + "/64"));
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  private void bridge(String role, String bridge) {
    namespace(role);
    ip(role, "link", "add", bridge, "type", "bridge", "stp_state", "0", "forward_delay", "0",
        "mcast_snooping", "0");
    ip(role, "link", "set", bridge, "up");
  }

  private void namespace(String role) {
    String name = ns(role);
    if (name.length() > 15) {
      throw new IllegalArgumentException("namespace name " + name + " exceeds 15 characters");
    }
    synchronized (this) {
      if (closed) {
        throw new LabException("lab torn down while it was being built");
      }
      Exec.run("ip", "netns", "add", name).requireSuccess();
      created.add(role);
    }
    ip(role, "link", "set", "lo", "up");
    // No DAD: addresses are usable at once, so the first probes of a run are not lost to a tentative source.
    exec(role, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0")
        .requireSuccess();
  }

  /** A veth pair made inside {@code bridgeRole}'s namespace, its peer moved straight into {@code role}'s. */
  private void attach(String bridgeRole, String veth, String role, String ifname, List<String> addresses) {
    String bridge = bridgeRole.equals(LAN) ? "br0" : "br1";
    ip(bridgeRole, "link", "add", veth, "type", "veth", "peer", "name", ifname, "netns", ns(role));
    ip(bridgeRole, "link", "set", veth, "master", bridge, "up");
    for (String a : addresses) {
      if (a.contains(":")) {
        ip(role, "addr", "add", a, "dev", ifname, "nodad");
      } else {
        ip(role, "addr", "add", a, "dev", ifname);
      }
    }
    ip(role, "link", "set", ifname, "up");
  }

  /** The real namespace name of a role, e.g. {@code kl3fa2-node1}. */
  public String ns(String role) {
    return prefix + role;
  }

  public String prefix() {
    return prefix;
  }

  public List<String> nodes() {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      out.add("node" + i);
    }
    return out;
  }

  /** Every namespace this lab created, in creation order. */
  public synchronized List<String> namespaces() {
    return created.stream().map(this::ns).toList();
  }

  public static String apiAddress() {
    return "10.98.0.2";
  }

  public String dataV4(String role) {
    return "10.99.0." + host(role);
  }

  public String dataV6(String role) {
    return "fd99::" + host(role);
  }

  public String mgmtV4(String role) {
    return "10.98.0." + host(role);
  }

  private int host(String role) {
    if (role.equals(CLIENT)) {
      return 100;
    }
    if (role.startsWith("node")) {
      int i = Integer.parseInt(role.substring(4));
      if (i >= 1 && i <= nodes) {
        return 10 + i;
      }
    }
    throw new IllegalArgumentException("role " + role + " has no data address; nodes: " + nodes());
  }

  /** eth0's MAC in a role's namespace. */
  public String mac(String role) {
    String out = ip(role, "-o", "link", "show", "dev", "eth0").stdout();
    int i = out.indexOf("link/ether ");
    if (i < 0) {
      throw new LabException("no MAC on eth0 in " + ns(role) + ": " + out.strip());
    }
    return out.substring(i + 11, i + 28);
  }

  /** Cuts a node off both LANs at the bridge side, as if its machine had died: its eth0 loses carrier. */
  public void cutOff(String node) {
    cut.add(node);
    ip(LAN, "link", "set", "v-" + node, "down");
    ip(MGMT, "link", "set", "m-" + node, "down");
  }

  /** Undoes {@link #cutOff}. */
  public void reconnect(String node) {
    ip(MGMT, "link", "set", "m-" + node, "up");
    ip(LAN, "link", "set", "v-" + node, "up");
    cut.remove(node);
  }

  /**
   * Takes the node's data port down at the bridge: its eth0 loses carrier while the node itself, its manager and
   * its management link stay up (a pulled cable). Unlike {@link #cutOff}, the node still counts as an owner.
   */
  public void carrierLoss(String node) {
    ip(LAN, "link", "set", "v-" + node, "down");
  }

  /** Undoes {@link #carrierLoss}. */
  public void carrierBack(String node) {
    ip(LAN, "link", "set", "v-" + node, "up");
  }

  /**
   * Partitions a node from the Kubernetes API only: an nftables table {@code inet kvlab} in the node's namespace
   * drops everything to and from {@link #apiAddress()}. The data LAN is untouched, so the node can still answer
   * for the VIP — exactly the case fencing must handle.
   */
  public void partitionFromApi(String node) {
    String api = apiAddress();
    nft(node, "add table inet kvlab");
    nft(node, "add chain inet kvlab out { type filter hook output priority 0 ; policy accept ; }");
    nft(node, "add chain inet kvlab in { type filter hook input priority 0 ; policy accept ; }");
    nft(node, "add rule inet kvlab out ip daddr " + api + " drop");
    nft(node, "add rule inet kvlab in ip saddr " + api + " drop");
  }

  /** Undoes {@link #partitionFromApi}. */
  public void healApi(String node) {
    nft(node, "delete table inet kvlab");
  }

  private void nft(String role, String command) {
    exec(role, "nft", command).requireSuccess();
  }

  public boolean isCutOff(String node) {
    return cut.contains(node);
  }

  /** {@code ip -n <ns> args...}; throws when ip fails. */
  public Exec.Result ip(String role, String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns(role)));
    cmd.addAll(List.of(args));
    return Exec.run(cmd).requireSuccess();
  }

  /** {@code ip netns exec <ns> command...}; the caller checks the exit code. */
  public Exec.Result exec(String role, String... command) {
    return Exec.run(execCommand(role, List.of(command)));
  }

  /** The argv that runs {@code command} inside a role's namespace. */
  public List<String> execCommand(String role, List<String> command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns(role)));
    cmd.addAll(command);
    return cmd;
  }

  /**
   * Kills whatever still runs inside our namespaces (only processes this lab started can be there), then
   * deletes them, bridges and veth pairs with them. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<String> reversed = new ArrayList<>(created);
    Collections.reverse(reversed);
    for (String role : reversed) {
      killRemaining(ns(role));
    }
    for (String role : reversed) {
      Exec.run("ip", "netns", "del", ns(role));
    }
  }

  private static void killRemaining(String ns) {
    String pids = Exec.run("ip", "netns", "pids", ns).stdout().strip();
    if (pids.isEmpty()) {
      return;
    }
    for (String pid : pids.split("\\s+")) {
      ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
