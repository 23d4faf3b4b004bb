// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

  @ParameterizedTest
  @ValueSource(strings = {"::", "::1", "1::", "fd00::1:2", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4",
      "64:ff9b::192.0.2.33", "FFFF:0:0:0:0:0:0:0", "1::8"})
  void givenIpv6Literal_whenParsed_thenSameBytesAsJdk(String text) throws Exception {
    assertThat(IpLiterals.parse(text)).contains(InetAddress.getByName(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a:b", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", ":1", "1:", ":::", "1:::2", "1::2::3",
      "12345::", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "::1.2.3.04", "fe80::1%1", "1::x", "::ffff:1.2.3.256", "1 ::"})
  void givenNotIpv6_whenParsed_thenEmpty(String text) {
    assertThat(IpLiterals.parse(text)).isEmpty();
  }

  @Test
  void givenV4MappedText_whenParsed_thenTheIpv4Address() {
    assertThat(IpLiterals.parse("::ffff:10.0.0.1")).get().isInstanceOf(Inet4Address.class)
        .extracting(InetAddress::getHostAddress).isEqualTo("10.0.0.1");
    assertThat(IpLiterals.parse("fd00::1")).get().isInstanceOf(Inet6Address.class);
  }

  @Test
  void givenRandomAddresses_whenFormattedByJdkAndParsed_thenRoundTrip() throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      byte[] b = new byte[16];
      random.nextBytes(b);
      for (int j = 0; j < 16; j++) {
        if (random.nextInt(3) == 0) {
          b[j] = 0; // zero runs exercise "::"
        }
      }
      InetAddress a = InetAddress.getByAddress(b);
      String text = a instanceof Inet6Address ? Ipv6Text.compress(b) : a.getHostAddress();
      assertThat(IpLiterals.parse(text)).as(text).contains(a);
      assertThat(IpLiterals.parse(a.getHostAddress())).as(a.getHostAddress()).contains(a);
    }
  }
}
