// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.testkit.contract.BgpAdvertisementPortContract;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeBgpAdvertisementPortTest extends BgpAdvertisementPortContract<FakeBgpAdvertisementPort> {
  @Override
  protected FakeBgpAdvertisementPort createPort() {
    return new FakeBgpAdvertisementPort();
  }

  @Test
  void givenRepeatedCalls_whenNothingChanges_thenNoExtraUpdates() {
    port.advertise(Set.of(A));
    port.advertise(Set.of(A));
    port.withdraw(Set.of(B));
    assertThat(port.updates()).containsExactly("announce 192.0.2.10/32");
  }
}
