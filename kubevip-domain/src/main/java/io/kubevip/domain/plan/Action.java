// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.plan;

import java.util.Objects;

/**
 * One step of an {@link AnnouncementPlan}. Each step is idempotent on its own (adding a present address or
 * withdrawing an unannounced VIP is a no-op for the adapter), so a plan interrupted half-way can simply be
 * recomputed and re-run.
 */
public sealed interface Action
    permits Action.Withdraw, Action.RemoveAddress, Action.AddAddress, Action.Announce {

  VipBinding binding();

  /** Execution phase: every action of a lower phase runs before any of a higher one. */
  int phase();

  /** Stop advertising the VIP (BGP withdraw, stop ARP refresh, delete table route). Phase 0. */
  record Withdraw(VipBinding binding) implements Action {
    public Withdraw {
      Objects.requireNonNull(binding, "binding");
    }

    @Override
    public int phase() {
      return 0;
    }
  }

  /** Delete the address from the interface. Phase 1: after withdraw, so no one is told to send to a dead address. */
  record RemoveAddress(VipBinding binding) implements Action {
    public RemoveAddress {
      Objects.requireNonNull(binding, "binding");
    }

    @Override
    public int phase() {
      return 1;
    }
  }

  /** Put the address on the interface. Phase 2: after every removal, so an address is never on two interfaces. */
  record AddAddress(VipBinding binding) implements Action {
    public AddAddress {
      Objects.requireNonNull(binding, "binding");
    }

    @Override
    public int phase() {
      return 2;
    }
  }

  /** Tell the network (gratuitous ARP/NA, BGP advertise, table route). Phase 3: the address answers by now. */
  record Announce(VipBinding binding) implements Action {
    public Announce {
      Objects.requireNonNull(binding, "binding");
    }

    @Override
    public int phase() {
      return 3;
    }
  }
}
