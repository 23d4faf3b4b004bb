// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.L2AnnouncePort;
import io.kubevip.ports.out.PortException;
import java.util.Set;

/** Records bursts instead of sending frames; refuses interfaces it was not given, as the real port would. */
public final class FakeL2AnnouncePort implements L2AnnouncePort {
  private final CallLog log;
  private final Set<InterfaceName> interfaces;

  public FakeL2AnnouncePort(InterfaceName... existing) {
    this(new CallLog(), existing);
  }

  /** Records into {@code log}, shared with other fakes to assert the order of calls across ports. */
  public FakeL2AnnouncePort(CallLog log, InterfaceName... existing) {
    this.log = log;
    this.interfaces = Set.of(existing);
  }

  @Override
  public void announce(VipAddress vip, InterfaceName iface) {
    log.record(RecordedCall.of("l2.announce", vip, iface));
    if (!interfaces.contains(iface)) {
      throw new PortException("announcing " + vip + " on " + iface + ": no such interface");
    }
  }

  /** Bursts sent for {@code vip} on {@code iface} (failed attempts included). */
  public long bursts(VipAddress vip, InterfaceName iface) {
    return log.calls("l2.announce").stream().filter(c -> c.equals(RecordedCall.of("l2.announce", vip, iface))).count();
  }

  public CallLog log() {
    return log;
  }
}
