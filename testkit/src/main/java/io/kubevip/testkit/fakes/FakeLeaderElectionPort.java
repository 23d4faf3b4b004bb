// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.lease.LeaseName;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.LeadershipCallbacks;
import java.util.Objects;

/** One node's election against a {@link FakeLeaseStore}; several instances on one store contend. */
public final class FakeLeaderElectionPort implements LeaderElectionPort {
  private final CallLog log = new CallLog();
  private final FakeLeaseStore store;
  private final String identity;

  public FakeLeaderElectionPort(FakeLeaseStore store, String identity) {
    this.store = Objects.requireNonNull(store, "store");
    this.identity = Objects.requireNonNull(identity, "identity");
  }

  /** A node alone in its own cluster: it always wins. */
  public FakeLeaderElectionPort(String identity) {
    this(new FakeLeaseStore(), identity);
  }

  @Override
  public void run(LeaseName lease, LeadershipCallbacks callbacks) {
    log.record(RecordedCall.of("election.run", lease));
    Objects.requireNonNull(callbacks, "callbacks");
    if (!store.join(lease, identity, callbacks)) {
      throw new IllegalStateException("already campaigning for lease " + lease + " as " + identity);
    }
  }

  @Override
  public void release(LeaseName lease) {
    log.record(RecordedCall.of("election.release", lease));
    store.leave(lease, identity);
  }

  public FakeLeaseStore store() {
    return store;
  }

  public String identity() {
    return identity;
  }

  public CallLog log() {
    return log;
  }
}
