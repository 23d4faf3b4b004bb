// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte layout handed to setsockopt(TCP_MD5SIG) and connect(2), checked against linux/tcp.h and in.h. */
class TcpMd5SocketTest {
  @Test
  void givenIpv4PeerAndKey_whenMd5sigBuilt_thenLayoutMatchesStructTcpMd5sig() throws Exception {
    byte[] sig = TcpMd5Socket.md5sig(InetAddress.getByName("10.99.0.1"), "s3cret".getBytes(StandardCharsets.UTF_8));
    ByteBuffer b = ByteBuffer.wrap(sig).order(ByteOrder.nativeOrder());
    assertThat(sig).hasSize(216);
    assertThat(b.getShort(0)).isEqualTo((short) 2); // AF_INET
    assertThat(new byte[] {sig[4], sig[5], sig[6], sig[7]}).isEqualTo(new byte[] {10, 99, 0, 1});
    assertThat(sig[128]).isZero(); // tcpm_flags
    assertThat(sig[129]).isZero(); // tcpm_prefixlen
    assertThat(b.getShort(130)).isEqualTo((short) 6); // tcpm_keylen
    assertThat(b.getInt(132)).isZero(); // tcpm_ifindex
    assertThat(new String(sig, 136, 6, StandardCharsets.UTF_8)).isEqualTo("s3cret");
  }

  @Test
  void givenIpv6Address_whenSockaddrBuilt_thenSockaddrIn6WithPortInNetworkOrder() throws Exception {
    byte[] sa = TcpMd5Socket.sockaddr(new InetSocketAddress(InetAddress.getByName("fd99::1"), 179));
    assertThat(sa).hasSize(28);
    assertThat(ByteBuffer.wrap(sa).order(ByteOrder.nativeOrder()).getShort(0)).isEqualTo((short) 10);
    assertThat(sa[2]).isZero();
    assertThat(sa[3] & 0xff).isEqualTo(179);
    assertThat(sa[8] & 0xff).isEqualTo(0xfd);
    assertThat(sa[23]).isEqualTo((byte) 1);
  }

  @Test
  void givenKeyLongerThan80_whenOpened_thenRefusedNamingTheLimit() throws Exception {
    InetAddress peer = InetAddress.getLoopbackAddress();
    assertThatThrownBy(() -> TcpMd5Socket.open(peer, "k".repeat(81)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TCP_MD5SIG_MAXKEYLEN");
  }
}
