// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.testkit.fakes.FakeServiceCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pass judges the Services' addresses once per snapshot: the allocator and the announcer read the same verdicts,
 * and the allocator's session rebuilt from them holds exactly what judging would have left in it. A node's own
 * {@code vipHost} echo starts no pass.
 */
class ClusterModelTest {
  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final ClusterModel model = new ClusterModel();

  ClusterModelTest() {
    cluster.watch().watch(model);
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10", "allow-share-a", "true"));
    cluster.watch().upsert(Svc.of("a", "first").requesting("10.9.0.2").build());
    cluster.watch().upsert(Svc.of("a", "second").requesting("10.9.0.2").build()); // refused: taken by first
    cluster.watch().upsert(Svc.of("a", "third").requesting("10.9.0.4", "not-an-ip").build()); // refused
    cluster.watch().upsert(Svc.of("a", "fourth").requesting("10.9.0.5").build());
    cluster.watch().upsert(Svc.of("b", "new").build()); // unallocated
  }

  @Test
  void givenNoChange_whenAskedAgain_thenTheSameSnapshotAndVerdicts_andNewOnesAfterAChange() {
    ClusterState state = model.snapshot();
    var claims = model.claims(state);

    assertThat(model.snapshot()).isSameAs(state);
    assertThat(model.claims(model.snapshot())).isSameAs(claims);
    assertThat(claims).isEqualTo(AddressClaims.resolve(state).claims());

    cluster.watch().upsert(Svc.of("b", "later").requesting("10.9.0.7").build());

    ClusterState next = model.snapshot();
    assertThat(next).isNotSameAs(state);
    assertThat(model.claims(next)).isNotSameAs(claims).containsKey(Svc.ref("b", "later"));
    assertThat(model.claims(state)).as("an older snapshot is still judged on its own").isEqualTo(claims);
  }

  @Test
  void givenTheVerdicts_whenTheSessionIsRebuiltFromThem_thenItHoldsWhatJudgingLeft() {
    ClusterState state = model.snapshot();
    AddressClaims.Resolution judged = AddressClaims.resolve(state);

    var rebuilt = AddressClaims.session(state, judged.claims());

    assertThat(rebuilt.inUse()).isEqualTo(judged.session().inUse()).hasSize(2);
  }

  @Test
  void givenANodesOwnVipHost_whenItArrives_thenNoPassIsAsked_butOthersAndClearingAsk_andTheSnapshotHasItAll() {
    var self = io.kubevip.domain.node.NodeId.of("node-1");
    var changes = new java.util.concurrent.atomic.AtomicInteger();
    ClusterModel m = new ClusterModel(changes::incrementAndGet, self);
    var web = Svc.ref("a", "first");

    long version = m.version();
    m.serviceHostChanged(web, java.util.Optional.of(self));
    assertThat(changes).as("our own record").hasValue(0);
    assertThat(m.version()).as("nothing a pass must act on").isEqualTo(version);
    assertThat(m.snapshot().host(web)).contains(self);

    m.serviceHostChanged(web, java.util.Optional.of(io.kubevip.domain.node.NodeId.of("node-2")));
    assertThat(changes).as("another node's record").hasValue(1);
    assertThat(m.version()).isGreaterThan(version);
    m.serviceHostChanged(web, java.util.Optional.empty());
    assertThat(changes).as("a cleared record").hasValue(2);
    assertThat(m.snapshot().host(web)).isEmpty();

    ClusterModel anyNode = new ClusterModel(changes::incrementAndGet);
    anyNode.serviceHostChanged(web, java.util.Optional.of(self));
    assertThat(changes).as("without a self, every change asks").hasValue(3);
  }
}
