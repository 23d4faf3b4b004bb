// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyscallExceptionTest {
  @Test
  void givenEperm_thenCapabilityNamed() {
    assertThat(new SyscallException(1, "opening an AF_PACKET socket", "CAP_NET_RAW"))
        .hasMessage("opening an AF_PACKET socket: EPERM — needs CAP_NET_RAW");
  }

  @Test
  void givenNetlinkEperm_thenNetAdminNamed() {
    NetlinkException e = new NetlinkException(1, 3, "adding 10.99.0.50/32 to eth0", null);
    assertThat(e).hasMessage("adding 10.99.0.50/32 to eth0: EPERM — needs CAP_NET_ADMIN");
    assertThat(e.errnoName()).isEqualTo("EPERM");
    assertThat(e.seq()).isEqualTo(3);
  }

  @Test
  void givenOtherErrno_thenStrerrorText() {
    assertThat(new SyscallException(17, "adding route", "CAP_NET_ADMIN"))
        .hasMessage("adding route: EEXIST — File exists");
  }

  @Test
  void givenUnknownErrno_thenNumberShown() {
    assertThat(new SyscallException(142, "x", null)).hasMessage("x: errno 142");
  }
}
