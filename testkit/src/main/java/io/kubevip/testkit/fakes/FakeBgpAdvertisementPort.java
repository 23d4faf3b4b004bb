// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.ports.out.BgpAdvertisementPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The advertised set in memory plus the UPDATEs a real speaker would have sent (only for actual changes). */
public final class FakeBgpAdvertisementPort implements BgpAdvertisementPort {
  private final CallLog log;
  private final Set<VipAddress> advertised = new TreeSet<>();
  private final List<String> updates = new ArrayList<>();

  public FakeBgpAdvertisementPort() {
    this(new CallLog());
  }

  /** Records into {@code log}, shared with other fakes to assert the order of calls across ports. */
  public FakeBgpAdvertisementPort(CallLog log) {
    this.log = log;
  }

  @Override
  public synchronized void advertise(Set<VipAddress> prefixes) {
    log.record(RecordedCall.of("bgp.advertise", Set.copyOf(prefixes)));
    for (VipAddress p : new TreeSet<>(prefixes)) {
      if (advertised.add(p)) {
        updates.add("announce " + p);
      }
    }
  }

  @Override
  public synchronized void withdraw(Set<VipAddress> prefixes) {
    log.record(RecordedCall.of("bgp.withdraw", Set.copyOf(prefixes)));
    for (VipAddress p : new TreeSet<>(prefixes)) {
      if (advertised.remove(p)) {
        updates.add("withdraw " + p);
      }
    }
  }

  @Override
  public synchronized Set<VipAddress> advertised() {
    return Set.copyOf(advertised);
  }

  /** UPDATE messages that would have gone to peers, e.g. {@code announce 10.0.0.1/32}. */
  public synchronized List<String> updates() {
    return List.copyOf(updates);
  }

  public CallLog log() {
    return log;
  }
}
