// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.ports.out.BgpAdvertisementPort;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BgpAdvertisementPort} must do, whether or not a session is up. */
public abstract class BgpAdvertisementPortContract<P extends BgpAdvertisementPort> {
  protected static final VipAddress A = VipAddress.parse("192.0.2.10/32");
  protected static final VipAddress B = VipAddress.parse("198.51.100.0/24");
  protected static final VipAddress C = VipAddress.parse("2001:db8::10/128");
  protected P port;

  protected abstract P createPort();

  @BeforeEach
  void createPortUnderTest() {
    port = createPort();
  }

  @Test
  void givenNewPort_whenAsked_thenNothingAdvertised() {
    assertThat(port.advertised()).isEmpty();
  }

  @Test
  void givenPrefixes_whenAdvertised_thenAllListedIncludingIpv6() {
    port.advertise(Set.of(A, B, C));
    assertThat(port.advertised()).containsExactlyInAnyOrder(A, B, C);
  }

  @Test
  void givenAdvertised_whenAdvertisedAgain_thenUnchanged() {
    port.advertise(Set.of(A));
    port.advertise(Set.of(A, B));
    assertThat(port.advertised()).containsExactlyInAnyOrder(A, B);
  }

  @Test
  void givenAdvertised_whenOneWithdrawn_thenOnlyThatOneGone() {
    port.advertise(Set.of(A, B));
    port.withdraw(Set.of(A));
    assertThat(port.advertised()).containsExactly(B);
  }

  @Test
  void givenNotAdvertised_whenWithdrawn_thenNoErrorAndOthersKept() {
    port.advertise(Set.of(B));
    port.withdraw(Set.of(A, C));
    assertThat(port.advertised()).containsExactly(B);
  }
}
