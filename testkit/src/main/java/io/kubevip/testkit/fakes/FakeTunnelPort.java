// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.TunnelPort;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Tunnels and the VIP each carries, in memory. */
public final class FakeTunnelPort implements TunnelPort {
  private final CallLog log = new CallLog();
  private final Map<InterfaceName, VipAddress> up = new HashMap<>();

  @Override
  public synchronized void up(InterfaceName tunnel, VipAddress vip) {
    log.record(RecordedCall.of("tunnel.up", tunnel, vip));
    up.put(tunnel, vip);
  }

  @Override
  public synchronized void down(InterfaceName tunnel) {
    log.record(RecordedCall.of("tunnel.down", tunnel));
    up.remove(tunnel);
  }

  @Override
  public synchronized Optional<VipAddress> activeVip(InterfaceName tunnel) {
    return Optional.ofNullable(up.get(tunnel));
  }

  public CallLog log() {
    return log;
  }
}
