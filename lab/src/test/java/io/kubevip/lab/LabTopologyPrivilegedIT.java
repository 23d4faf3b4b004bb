// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.testkit.netns.Privileged;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LabTopologyPrivilegedIT {
  @BeforeEach
  void privileged() {
    Privileged.assume();
  }

  @Test
  void givenLab_whenBuilt_thenDataAndManagementLansAreSeparateAndCloseRemovesEverything() {
    List<String> names;
    try (LabTopology t = LabTopology.build(2)) {
      names = t.namespaces();
      assertThat(names).hasSize(6).allSatisfy(n -> assertThat(n).hasSizeLessThanOrEqualTo(15));
      assertThat(ping(t, LabTopology.CLIENT, t.dataV4("node1"))).isZero();
      assertThat(ping(t, LabTopology.CLIENT, t.dataV6("node2"))).isZero();
      assertThat(ping(t, "node2", LabTopology.apiAddress())).isZero();
      // the client is on the data LAN only: the API is not even routable from there
      assertThat(ping(t, LabTopology.CLIENT, LabTopology.apiAddress())).isNotZero();
      assertThat(t.exec("node1", "sysctl", "-n", "net.ipv4.ip_forward").stdout().strip()).isEqualTo("0");
    }
    String left = Exec.run("ip", "netns", "list").stdout();
    assertThat(names).allSatisfy(n -> assertThat(left).doesNotContain(n));
  }

  @Test
  void givenNodeCutOff_whenProbed_thenUnreachableOnBothLansUntilReconnected() {
    try (LabTopology t = LabTopology.build(2)) {
      t.cutOff("node1");
      assertThat(t.isCutOff("node1")).isTrue();
      assertThat(ping(t, LabTopology.CLIENT, t.dataV4("node1"))).isNotZero();
      assertThat(ping(t, "node1", LabTopology.apiAddress())).isNotZero();
      assertThat(ping(t, LabTopology.CLIENT, t.dataV4("node2"))).isZero();

      t.reconnect("node1");
      // A veth brought back up takes a moment (carrier, bridge port state, a failed neighbour entry) before the
      // first echo gets through; the cut-off above is the property, reconnection only has to happen.
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
          .until(() -> ping(t, LabTopology.CLIENT, t.dataV4("node1")) == 0);
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
          .until(() -> ping(t, "node1", LabTopology.apiAddress()) == 0);
    }
  }

  private static int ping(LabTopology t, String from, String to) {
    return t.exec(from, "ping", "-c", "1", "-W", "1", to).exitCode();
  }
}
