// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.TunnelPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TunnelPort} must do. */
public abstract class TunnelPortContract<P extends TunnelPort> {
  protected static final VipAddress VIP = VipAddress.parse("192.0.2.10/32");
  protected static final VipAddress OTHER = VipAddress.parse("192.0.2.11/32");
  protected P port;

  protected abstract P createPort();

  protected InterfaceName tunnel() {
    return InterfaceName.of("kvwg0");
  }

  @BeforeEach
  void createPortUnderTest() {
    port = createPort();
  }

  @Test
  void givenDownTunnel_whenUp_thenCarriesTheVip() {
    assertThat(port.activeVip(tunnel())).isEmpty();
    port.up(tunnel(), VIP);
    assertThat(port.activeVip(tunnel())).contains(VIP);
  }

  @Test
  void givenUpTunnel_whenUpAgainWithAnotherVip_thenReplaced() {
    port.up(tunnel(), VIP);
    port.up(tunnel(), VIP);
    port.up(tunnel(), OTHER);
    assertThat(port.activeVip(tunnel())).contains(OTHER);
  }

  @Test
  void givenUpTunnel_whenDownTwice_thenDownWithoutError() {
    port.up(tunnel(), VIP);
    port.down(tunnel());
    port.down(tunnel());
    assertThat(port.activeVip(tunnel())).isEmpty();
  }
}
