// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv6TextTest {

  @ParameterizedTest
  @CsvSource({
      // RFC 5952 4.2.1 shortest, 4.2.2 a single zero group is not "::", 4.2.3 longest run, first on a tie, 4.3 lower case
      "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
      "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "2001:DB8:AAAA:0:0:0:0:0, 2001:db8:aaaa::",
      "0:0:0:0:0:0:0:0, ::",
      "0:0:0:0:0:0:0:2, ::2",
      "1:0:0:0:0:0:0:0, 1::",
      "1:0:2:0:3:0:4:0, 1:0:2:0:3:0:4:0"
  })
  void givenAddress_whenCompressed_thenRfc5952(String full, String expected) throws Exception {
    assertThat(Ipv6Text.compress(InetAddress.getByName(full).getAddress())).isEqualTo(expected);
  }
}
