// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.linux.error.LinuxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysctlsTest {
  @TempDir Path root;

  @Test
  void givenTreeLikeProcSysNet_whenSetThenGet_thenValueAtKernelPath() throws Exception {
    Path f = root.resolve("ipv4/conf/eth0/arp_notify");
    Files.createDirectories(f.getParent());
    Files.writeString(f, "0\n");
    Sysctls s = new Sysctls(root);
    s.set("eth0", Sysctls.Key.ARP_NOTIFY, 1);
    assertThat(Files.readString(f)).isEqualTo("1");
    assertThat(s.get("eth0", Sysctls.Key.ARP_NOTIFY)).isEqualTo(1);
  }

  @Test
  void givenPathTraversal_whenReading_thenRejectedNamingTheValue() {
    assertThatThrownBy(() -> new Sysctls(root).get("../../x", Sysctls.Key.RP_FILTER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'../../x'");
  }

  @Test
  void givenMissingInterface_whenReading_thenErrorAsksWhetherItExists() {
    assertThatThrownBy(() -> new Sysctls(root).get("eth9", Sysctls.Key.ACCEPT_DAD))
        .isInstanceOf(LinuxException.class)
        .hasMessageContaining("ipv6/conf/eth9/accept_dad")
        .hasMessageContaining("does interface 'eth9' exist?");
  }
}
