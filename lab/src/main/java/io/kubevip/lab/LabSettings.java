// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One lab run's choices. The timings default to lease 3 s / renew 2 s / retry 0.5 s: short enough that a
 * run takes well under a minute, long enough that ten JVMs on two cores renew in time.
 */
public record LabSettings(int nodes, boolean ipv6, boolean keep, Duration lease, Duration renew, Duration retry,
    Path kubevipJar, Path workDir) {
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(3);
  public static final Duration DEFAULT_RENEW = Duration.ofSeconds(2);
  public static final Duration DEFAULT_RETRY = Duration.ofMillis(500);

  public LabSettings {
    if (nodes < 2 || nodes > LabTopology.MAX_NODES) {
      throw new IllegalArgumentException(
          "--nodes must be 2.." + LabTopology.MAX_NODES + " (a failover needs a second node), was " + nodes);
    }
    if (!(lease.compareTo(renew) > 0 && renew.compareTo(retry) > 0 && !retry.isNegative() && !retry.isZero())) {
      throw new IllegalArgumentException("timings must satisfy lease > renew > retry > 0, were lease "
          + lease.toMillis() + " ms, renew " + renew.toMillis() + " ms, retry " + retry.toMillis() + " ms");
    }
  }

  /** The control-plane VIP: in the data LAN, outside every node's and the client's address. */
  public String vip() {
    return ipv6 ? "fd99::50" : "10.99.0.50";
  }
}
