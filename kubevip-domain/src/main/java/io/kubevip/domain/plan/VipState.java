// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.plan;

import java.util.Collection;
import java.util.Set;
import java.util.HashSet;
import java.util.List;

/**
 * What this node has now: which bindings carry the address and which are announced. The two differ after a
 * crash (address left behind, never announced) or when someone deleted our address under us.
 *
 * @param addressed bindings whose address is on the interface (from the address port's "list ours")
 * @param announced bindings currently announced
 */
public record VipState(Set<VipBinding> addressed, Set<VipBinding> announced) {
  public static final VipState EMPTY = new VipState(Set.of(), Set.of());

  public VipState {
    addressed = Set.copyOf(addressed == null ? Set.of() : addressed);
    announced = Set.copyOf(announced == null ? Set.of() : announced);
  }

  /** The state where exactly {@code bindings} are both addressed and announced. */
  public static VipState serving(Collection<VipBinding> bindings) {
    return new VipState(Set.copyOf(bindings), Set.copyOf(bindings));
  }

  /** The state after {@code action} succeeded; how tests and fakes check that a plan converges. */
  public VipState after(Action action) {
    return after(List.of(action));
  }

  /** The state after every one of {@code actions} succeeded, in order. */
  public VipState after(List<? extends Action> actions) {
    Set<VipBinding> addr = new HashSet<>(addressed);
    Set<VipBinding> ann = new HashSet<>(announced);
    for (Action action : actions) {
      VipBinding b = action.binding();
      if (action instanceof Action.Withdraw) {
        ann.remove(b);
      } else if (action instanceof Action.RemoveAddress) {
        addr.remove(b);
      } else if (action instanceof Action.AddAddress) {
        addr.add(b);
      } else if (action instanceof Action.Announce) {
        ann.add(b);
      }
    }
    return new VipState(addr, ann);
  }
}
