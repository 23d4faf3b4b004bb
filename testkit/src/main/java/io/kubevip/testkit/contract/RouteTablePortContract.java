// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.TableRoute;
import io.kubevip.ports.out.RouteTablePort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RouteTablePort} must do. */
public abstract class RouteTablePortContract<P extends RouteTablePort> {
  protected static final int TABLE = TableRoute.DEFAULT_TABLE;
  protected static final int PROTO = TableRoute.DEFAULT_PROTOCOL;
  protected P port;

  protected abstract P createPort();

  /** An interface that exists and is up, so the kernel accepts routes via it. */
  protected abstract InterfaceName existingInterface();

  @BeforeEach
  void createPortUnderTest() {
    port = createPort();
  }

  private TableRoute route(String vip, int table, int protocol) {
    return new TableRoute(VipAddress.parse(vip), existingInterface(), table, protocol);
  }

  @Test
  void givenRoute_whenAdded_thenListedInItsTableAndProtocol() {
    port.add(route("192.0.2.10", TABLE, PROTO));
    port.add(route("2001:db8::10", TABLE, PROTO));
    assertThat(port.list(TABLE, PROTO)).containsExactlyInAnyOrder(route("192.0.2.10", TABLE, PROTO),
        route("2001:db8::10", TABLE, PROTO));
  }

  @Test
  void givenRoute_whenAddedTwice_thenListedOnce() {
    port.add(route("192.0.2.10", TABLE, PROTO));
    port.add(route("192.0.2.10", TABLE, PROTO));
    assertThat(port.list(TABLE, PROTO)).containsExactly(route("192.0.2.10", TABLE, PROTO));
  }

  @Test
  void givenRoutes_whenOneRemoved_thenOnlyThatOneGone() {
    port.add(route("192.0.2.10", TABLE, PROTO));
    port.add(route("192.0.2.11", TABLE, PROTO));
    port.remove(route("192.0.2.10", TABLE, PROTO));
    assertThat(port.list(TABLE, PROTO)).containsExactly(route("192.0.2.11", TABLE, PROTO));
  }

  @Test
  void givenAbsentRoute_whenRemoved_thenNoError() {
    port.remove(route("192.0.2.10", TABLE, PROTO));
    assertThat(port.list(TABLE, PROTO)).isEmpty();
  }

  @Test
  void givenRoutesInOtherTableOrProtocol_whenListing_thenNotIncluded() {
    port.add(route("192.0.2.10", TABLE + 1, PROTO));
    port.add(route("192.0.2.11", TABLE, PROTO - 1));
    port.add(route("192.0.2.12", TABLE, PROTO));
    assertThat(port.list(TABLE, PROTO)).containsExactly(route("192.0.2.12", TABLE, PROTO));
  }
}
