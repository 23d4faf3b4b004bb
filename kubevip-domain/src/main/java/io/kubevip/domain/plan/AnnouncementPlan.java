// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ordered actions that take this node from its actual {@link VipState} to serving exactly the desired
 * bindings. Order: every Withdraw, then every RemoveAddress, then every AddAddress, then every Announce (within
 * a phase by binding). So a leaving VIP is withdrawn before its address goes, an arriving one has its address
 * before it is announced, and a VIP moving between interfaces leaves the old one before it lands on the new one.
 *
 * <p>Idempotent: the plan from a state to itself is empty, and re-planning after a partial run yields only the
 * missing steps. A binding that is addressed but lost its announcement is only re-announced; one that is
 * announced but lost its address is re-added and re-announced (the old announcement pointed at nothing).
 */
public record AnnouncementPlan(List<Action> actions) {
  private static final Comparator<Action> ORDER =
      Comparator.comparingInt(Action::phase).thenComparing(Action::binding);

  public AnnouncementPlan {
    actions = List.copyOf(actions);
  }

  /** The plan from {@code actual} to serving exactly {@code desired}. */
  public static AnnouncementPlan between(Collection<VipBinding> desired, VipState actual) {
    Set<VipBinding> want = Set.copyOf(desired);
    List<Action> actions = new ArrayList<>();
    Set<VipBinding> known = new TreeSet<>(actual.addressed());
    known.addAll(actual.announced());
    for (VipBinding b : known) {
      if (!want.contains(b)) {
        if (actual.announced().contains(b)) {
          actions.add(new Action.Withdraw(b));
        }
        if (actual.addressed().contains(b)) {
          actions.add(new Action.RemoveAddress(b));
        }
      }
    }
    for (VipBinding b : want) {
      if (!actual.addressed().contains(b)) {
        actions.add(new Action.AddAddress(b));
        actions.add(new Action.Announce(b));
      } else if (!actual.announced().contains(b)) {
        actions.add(new Action.Announce(b));
      }
    }
    actions.sort(ORDER);
    return new AnnouncementPlan(actions);
  }

  public boolean isEmpty() {
    return actions.isEmpty();
  }

  /** The state reached when every action succeeds. */
  public VipState applyTo(VipState state) {
    return state.after(actions);
  }
}
