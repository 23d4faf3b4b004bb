// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

import io.kubevip.lab.Exec;
import io.kubevip.lab.LabException;
import io.kubevip.lab.LabTopology;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * keepalived (VRRP only, Debian's 2.2.7) on the same nodes for the same VIP: the usual alternative for a
 * control-plane address. Default timers (advert_int 1 s); every node BACKUP with nopreempt, so a recovered node
 * does not take the VIP back (kubevip does not either), at distinct priorities (node1 102, node2 101, node3 100)
 * as usual: with equal ones two backups time out together and both claim the VIP until the higher address wins.
 * Each instance has its own pid files because /run is shared between namespaces.
 */
final class KeepalivedCluster implements Cluster {
  private final LabTopology topology;
  private final String vip;
  private final Path work;
  private final Map<String, Process> daemons = new LinkedHashMap<>();
  private int starts;

  KeepalivedCluster(LabTopology topology, String vip, Path work) {
    this.topology = topology;
    this.vip = vip;
    this.work = work;
  }

  @Override
  public String system() {
    return "keepalived";
  }

  @Override
  public String timingsJson() {
    return "{\"profile\":\"default\",\"advert_int_ms\":1000,\"priorities\":\"102/101/100\",\"nopreempt\":true,"
        + "\"version\":\"" + version() + "\"}";
  }

  private static String version() {
    Exec.Result r = Exec.run("keepalived", "--version");
    String out = (r.stdout() + r.stderr()).strip();
    int nl = out.indexOf('\n');
    return (nl < 0 ? out : out.substring(0, nl)).replace("\"", "'");
  }

  static String config(String node, String vip) {
    int priority = 103 - Integer.parseInt(node.replaceAll("\\D", ""));
    return "global_defs {\n  router_id " + node + "\n}\n"
        + "vrrp_instance VI_CP {\n  state BACKUP\n  nopreempt\n  interface eth0\n  virtual_router_id 51\n"
        + "  priority " + priority + "\n  advert_int 1\n  virtual_ipaddress {\n    " + vip + "/32 dev eth0\n  }\n}\n";
  }

  @Override
  public void startAll() {
    for (String node : topology.nodes()) {
      start(node);
    }
  }

  private void start(String node) {
    starts++;
    Path dir = work.resolve("keepalived-" + node);
    try {
      Files.createDirectories(dir);
      Path conf = dir.resolve("keepalived.conf");
      Files.writeString(conf, config(node, vip));
      for (String f : List.of("keepalived.pid", "vrrp.pid", "checkers.pid")) {
        Files.deleteIfExists(dir.resolve(f)); // a stale pid file makes keepalived refuse to start
      }
      List<String> cmd = topology.execCommand(node, List.of("keepalived", "-n", "-l", "-D", "-P",
          "-f", conf.toString(), "-p", dir.resolve("keepalived.pid").toString(),
          "-r", dir.resolve("vrrp.pid").toString(), "-c", dir.resolve("checkers.pid").toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("keepalived.log").toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      daemons.put(node, p);
      Pause.millis(300);
      if (!p.isAlive()) {
        throw new LabException("keepalived on " + node + " exited " + p.exitValue() + " at start; see "
            + dir.resolve("keepalived.log"));
      }
    } catch (IOException e) {
      throw new LabException("cannot start keepalived on " + node + ": " + e.getMessage(), e);
    }
  }

  /** SIGKILL the parent and its VRRP child at once: nothing gets to send a priority-0 advert. */
  @Override
  public void kill(String node) {
    Process p = daemons.get(node);
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    all.add(p.toHandle());
    all.forEach(ProcessHandle::destroyForcibly);
    await(p, 5);
  }

  @Override
  public int terminate(String node) {
    Process p = daemons.get(node);
    p.destroy();
    if (!await(p, 15)) {
      p.destroyForcibly();
      await(p, 5);
    }
    return p.exitValue();
  }

  private static boolean await(Process p, int seconds) {
    try {
      return p.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A rebooted machine comes back without the VIP the killed daemon left on eth0. */
  @Override
  public void recover(String node) {
    removeVip(topology, node, vip);
    topology.reconnect(node);
    start(node);
  }

  @Override
  public void restart(String node) {
    start(node);
  }

  /** Deletes {@code vip} from a node's eth0 if it is there, whatever its prefix length. */
  static void removeVip(LabTopology topology, String node, String vip) {
    String out = topology.ip(node, "-o", "addr", "show", "dev", "eth0").stdout();
    for (String line : out.split("\n")) {
      String[] f = line.trim().split("\\s+");
      for (int i = 0; i + 1 < f.length; i++) {
        if ((f[i].equals("inet") || f[i].equals("inet6")) && f[i + 1].startsWith(vip + "/")) {
          topology.ip(node, "addr", "del", f[i + 1], "dev", "eth0");
        }
      }
    }
  }

  @Override
  public void close() {
    for (String node : new ArrayList<>(daemons.keySet())) {
      if (daemons.get(node).isAlive()) {
        terminate(node);
      }
    }
    daemons.clear();
  }
}
