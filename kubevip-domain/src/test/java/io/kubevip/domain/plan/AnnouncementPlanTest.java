// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnnouncementPlanTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final InterfaceName ETH1 = InterfaceName.of("eth1");
  private final VipBinding a = VipBinding.of(VipAddress.parse("10.0.0.1"), ETH0);
  private final VipBinding b = VipBinding.of(VipAddress.parse("10.0.0.2"), ETH0);
  private final VipBinding c = VipBinding.of(VipAddress.parse("fd00::3"), ETH0);

  @Test
  void givenNothing_whenVipArrives_thenAddAddressBeforeAnnounce() {
    AnnouncementPlan plan = AnnouncementPlan.between(Set.of(a), VipState.EMPTY);
    assertThat(plan.actions()).containsExactly(new Action.AddAddress(a), new Action.Announce(a));
  }

  @Test
  void givenServing_whenVipLeaves_thenWithdrawBeforeRemove() {
    AnnouncementPlan plan = AnnouncementPlan.between(Set.of(), VipState.serving(List.of(a)));
    assertThat(plan.actions()).containsExactly(new Action.Withdraw(a), new Action.RemoveAddress(a));
  }

  @Test
  void givenOneLeavingAndOneArriving_whenPlanned_thenRemovalsComeBeforeAdditions() {
    AnnouncementPlan plan = AnnouncementPlan.between(Set.of(b), VipState.serving(List.of(a)));
    assertThat(plan.actions()).containsExactly(
        new Action.Withdraw(a), new Action.RemoveAddress(a), new Action.AddAddress(b), new Action.Announce(b));
  }

  @Test
  void givenVipMovingToAnotherInterface_whenPlanned_thenLeavesOldInterfaceFirst() {
    VipBinding moved = VipBinding.of(a.vip(), ETH1);
    AnnouncementPlan plan = AnnouncementPlan.between(Set.of(moved), VipState.serving(List.of(a)));
    assertThat(plan.actions()).containsExactly(
        new Action.Withdraw(a), new Action.RemoveAddress(a), new Action.AddAddress(moved), new Action.Announce(moved));
  }

  @Test
  void givenAddressLeftBehindByACrash_whenStillWanted_thenOnlyAnnounced() {
    AnnouncementPlan plan = AnnouncementPlan.between(Set.of(a), new VipState(Set.of(a), Set.of()));
    assertThat(plan.actions()).containsExactly(new Action.Announce(a));
  }

  @Test
  void givenAddressDeletedUnderUs_whenStillWanted_thenReAddedAndReAnnounced() {
    AnnouncementPlan plan = AnnouncementPlan.between(Set.of(a), new VipState(Set.of(), Set.of(a)));
    assertThat(plan.actions()).containsExactly(new Action.AddAddress(a), new Action.Announce(a));
  }

  @Test
  void givenAddressLeftBehindAndNotWanted_whenPlanned_thenRemovedWithoutWithdraw() {
    AnnouncementPlan plan = AnnouncementPlan.between(Set.of(), new VipState(Set.of(c), Set.of()));
    assertThat(plan.actions()).containsExactly(new Action.RemoveAddress(c));
  }

  @Test
  void givenDesiredEqualsActual_whenPlanned_thenEmpty() {
    assertThat(AnnouncementPlan.between(Set.of(a, b, c), VipState.serving(List.of(a, b, c))).isEmpty()).isTrue();
  }

  @Test
  void givenRandomStates_whenPlanApplied_thenServesExactlyDesiredInLegalOrderAndReplanIsEmpty() {
    List<VipBinding> universe = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      universe.add(VipBinding.of(VipAddress.parse("10.0.0." + i), i % 2 == 0 ? ETH0 : ETH1));
      universe.add(VipBinding.of(VipAddress.parse("10.0.0." + i), i % 2 == 0 ? ETH1 : ETH0));
    }
    Random r = new Random(42);
    for (int round = 0; round < 2000; round++) {
      Set<VipBinding> desired = pick(r, universe);
      VipState actual = new VipState(pick(r, universe), pick(r, universe));
      AnnouncementPlan plan = AnnouncementPlan.between(desired, actual);
      assertThat(plan.applyTo(actual)).as("round %d", round).isEqualTo(VipState.serving(desired));
      assertThat(AnnouncementPlan.between(desired, plan.applyTo(actual)).isEmpty()).as("round %d", round).isTrue();
      assertLegalOrder(plan.actions(), round);
      assertThat(new HashSet<>(plan.actions())).as("no duplicates, round %d", round).hasSameSizeAs(plan.actions());
    }
  }

  private static void assertLegalOrder(List<Action> actions, int round) {
    int lastRemoval = -1;
    int firstAddition = actions.size();
    for (int i = 0; i < actions.size(); i++) {
      Action act = actions.get(i);
      if (act instanceof Action.Withdraw || act instanceof Action.RemoveAddress) {
        lastRemoval = i;
      } else {
        firstAddition = Math.min(firstAddition, i);
      }
      if (act instanceof Action.RemoveAddress) {
        assertThat(actions.subList(i + 1, actions.size())).as("round %d", round)
            .doesNotContain(new Action.Withdraw(act.binding()));
      }
      if (act instanceof Action.Announce) {
        assertThat(actions.subList(i + 1, actions.size())).as("round %d", round)
            .doesNotContain(new Action.AddAddress(act.binding()));
      }
    }
    assertThat(lastRemoval).as("round %d", round).isLessThan(firstAddition);
  }

  private static Set<VipBinding> pick(Random r, List<VipBinding> universe) {
    Set<VipBinding> out = new HashSet<>();
    for (VipBinding b : universe) {
      if (r.nextInt(3) == 0) {
        out.add(b);
      }
    }
    return out;
  }
}
