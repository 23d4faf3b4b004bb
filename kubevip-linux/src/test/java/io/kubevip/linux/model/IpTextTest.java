// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpTextTest {
  @ParameterizedTest
  @CsvSource({
    "fd99:0:0:0:0:0:0:50, fd99::50",
    "0:0:0:0:0:0:0:0, ::",
    "0:0:0:0:0:0:0:1, ::1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
    "fe80:0:0:0:0:0:0:0, fe80::",
    "10.99.0.50, 10.99.0.50"
  })
  void givenAddress_whenFormatted_thenRfc5952(String in, String expected) throws Exception {
    assertThat(IpText.format(InetAddress.getByName(in))).isEqualTo(expected);
  }
}
