// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

import io.kubevip.lab.LabException;
import io.kubevip.lab.LabTopology;
import io.kubevip.lab.ManagerProcess;
import io.kubevip.lab.Prober;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One real {@code kubevip manager} per node, started the way {@code kubevip lab} starts them. */
final class KubevipCluster implements Cluster {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private final LabTopology topology;
  private final Prober prober;
  private final ManagerProcess.Config config;
  private final Path work;
  private final String label;
  private final Map<String, ManagerProcess> managers = new LinkedHashMap<>();
  private int starts;

  KubevipCluster(LabTopology topology, Prober prober, Path kubevipJar, String vip, Path kubeconfig,
      Duration lease, Duration renew, Duration retry, Path work, String label) {
    this.topology = topology;
    this.prober = prober;
    this.config = new ManagerProcess.Config(kubevipJar, vip, kubeconfig, lease, renew, retry, List.of());
    this.work = work;
    this.label = label;
  }

  @Override
  public String system() {
    return "kubevip";
  }

  @Override
  public String timingsJson() {
    return "{\"profile\":\"" + label + "\",\"lease_ms\":" + config.lease().toMillis() + ",\"renew_ms\":"
        + config.renew().toMillis() + ",\"retry_ms\":" + config.retry().toMillis() + "}";
  }

  @Override
  public void startAll() {
    for (String node : topology.nodes()) {
      start(node);
    }
    for (ManagerProcess m : managers.values()) {
      m.awaitReady(topology, READY_TIMEOUT);
    }
  }

  private ManagerProcess start(String node) {
    starts++;
    ManagerProcess m = ManagerProcess.start(topology, node, config, work, starts);
    managers.put(node, m);
    return m;
  }

  @Override
  public void kill(String node) {
    managers.get(node).kill();
  }

  @Override
  public int terminate(String node) {
    return managers.get(node).terminate(Duration.ofSeconds(15));
  }

  /**
   * As {@code kubevip lab} does it: management link first, a new manager, and the data link once that manager has
   * removed the VIP its killed predecessor left on eth0 (a dead machine's daemon starts before it rejoins).
   */
  @Override
  public void recover(String node) {
    topology.ip(LabTopology.MGMT, "link", "set", "m-" + node, "up");
    ManagerProcess m = start(node);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (prober.holders().contains(node) && m.isAlive() && System.nanoTime() < deadline) {
      Pause.millis(20);
    }
    if (prober.holders().contains(node)) {
      throw new LabException("restarted manager on " + node + " did not remove the orphan VIP; see " + m.log());
    }
    topology.reconnect(node);
    m.awaitReady(topology, READY_TIMEOUT);
  }

  @Override
  public void restart(String node) {
    start(node).awaitReady(topology, READY_TIMEOUT);
  }

  @Override
  public void close() {
    for (ManagerProcess m : managers.values()) {
      m.close();
    }
    managers.clear();
  }
}
