// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.lease;

import java.time.Instant;
import java.util.Objects;

/** Whether this node may write itself into a lease now, and why; reasons are log fields. */
public sealed interface AcquireDecision permits AcquireDecision.Acquire, AcquireDecision.Wait {
  boolean allowed();

  /** Why a node may acquire. */
  enum AcquireReason {
    /** The Lease object does not exist yet. */
    NO_RECORD,
    /** The holder released it. */
    RELEASED,
    /** We hold it already: this is a renewal. */
    ALREADY_HOLDER,
    /** The holder did not renew within the lease duration. */
    EXPIRED
  }

  /** Why a node must wait. */
  enum WaitReason {
    /** Another node holds an unexpired lease. */
    HELD_BY_OTHER
  }

  record Acquire(AcquireReason reason) implements AcquireDecision {
    public Acquire {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean allowed() {
      return true;
    }
  }

  /** {@code holder} has it until {@code expiresAt} (by our clock) unless it renews. */
  record Wait(WaitReason reason, String holder, Instant expiresAt) implements AcquireDecision {
    public Wait {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public boolean allowed() {
      return false;
    }
  }
}
