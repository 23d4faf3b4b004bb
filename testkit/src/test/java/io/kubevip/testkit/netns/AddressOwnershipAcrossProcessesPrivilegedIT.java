// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.linux.Netlink;
import io.kubevip.linux.model.Addr;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ownership survives a crash: an address added by one process (killed with SIGKILL, so nothing ran
 * on the way out) is still recognised as ours by a fresh process, through its IFA_PROTO tag, while an
 * address added by {@code ip addr add} is not.
 */
@NetnsTopology(nodes = 1, client = false)
class AddressOwnershipAcrossProcessesPrivilegedIT {
  private static final String OURS = "10.99.0.70/32";
  private static final String FOREIGN = "10.99.0.71/32";

  @Test
  void givenAddressAddedByKilledProcess_whenFreshNetlinkLists_thenStillOursAndIpAddedOneIsNot(Topology t)
      throws Exception {
    Process child = new ProcessBuilder(command(t.ns("n1"))).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).as("first line of the child process").isEqualTo("added ADDED");
      assertThat(child.isAlive()).isTrue();
    } finally {
      child.destroyForcibly(); // SIGKILL; ip netns exec exec()s java, so this is the JVM itself
    }
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("exit status of a process killed by SIGKILL").isEqualTo(128 + 9);

    t.ip("n1", "addr", "add", FOREIGN, "dev", "eth0");
    List<String> ours = t.namespace("n1").call(() -> {
      try (Netlink fresh = Netlink.open()) {
        return fresh.ourAddresses().stream().map(Addr::cidr).toList();
      }
    });
    assertThat(ours).contains(OURS).doesNotContain(FOREIGN);
    assertThat(Kernel.addresses(t, "n1", "eth0")).contains(OURS, FOREIGN);
  }

  /** {@code ip netns exec <ns> java -cp <test class path> AddAddressMain add eth0 <cidr>}. */
  private static List<String> command(String namespace) {
    String java = ProcessHandle.current().info().command().orElse("java");
    // failsafe hands the JVM a manifest-only jar; the real class path is in this property
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace, java,
        "-Xshare:auto", "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Dkubevip.refuseRootNamespace=true", "-cp", classPath));
    cmd.addAll(List.of(AddAddressMain.class.getName(), "add", "eth0", OURS));
    return cmd;
  }
}
