// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.service.IpFamilyPolicy;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceAddressAllocatorTest {
  private final SteppingClock clock = new SteppingClock();
  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final ClusterModel model = new ClusterModel();
  private ServiceAddressAllocator allocator;

  @BeforeEach
  void setUp() {
    cluster.watch().watch(model);
    allocator = new ServiceAddressAllocator(cluster.status(), true, Duration.ofSeconds(2), clock);
    allocator.leadershipGained();
    clock.advance(Duration.ofSeconds(2));
  }

  private AllocationPass pass() {
    return allocator.reconcile(model.snapshot());
  }

  private List<String> reasons(ServiceRef ref) {
    return cluster.status().events(ref).stream().map(ServiceEvent::reason).toList();
  }

  @Test
  void givenNamespaceAndGlobalPools_whenServicesAppear_thenEachGetsAFreeAddressOfItsPool() {
    cluster.watch().upsertPoolConfig(Map.of("cidr-prod", "10.1.0.0/30", "range-global", "10.9.0.1-10.9.0.10"));
    for (String ns : List.of("prod", "dev")) {
      for (int i = 0; i < 2; i++) {
        cluster.watch().upsert(Svc.of(ns, "s" + i).build());
      }
    }
    pass();
    assertThat(cluster.addressesOf(Svc.ref("prod", "s0"))).containsExactly("10.1.0.1");
    assertThat(cluster.addressesOf(Svc.ref("prod", "s1"))).containsExactly("10.1.0.2");
    assertThat(cluster.addressesOf(Svc.ref("dev", "s0"))).containsExactly("10.9.0.1");
    assertThat(cluster.addressesOf(Svc.ref("dev", "s1"))).containsExactly("10.9.0.2");
    assertThat(reasons(Svc.ref("dev", "s1"))).containsExactly("AddressAllocated");
  }

  @Test
  void givenWrittenButNotYetWatched_whenAnotherServiceAppears_thenThePendingAddressIsNotReused() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    var pools = model.snapshot().pools();
    var first = Svc.of("a", "first").build();
    var second = Svc.of("a", "second").build();
    cluster.watch().upsert(first);
    cluster.watch().upsert(second);
    // The allocator's view lags: it never sees its own write for "first".
    allocator.reconcile(new ClusterState(Map.of("a/first", first), Map.of(), Map.of(), pools, Map.of(), true));
    allocator.reconcile(new ClusterState(Map.of("a/first", first, "a/second", second), Map.of(), Map.of(), pools,
        Map.of(), true));
    assertThat(cluster.addressesOf(Svc.ref("a", "first"))).containsExactly("10.9.0.1");
    assertThat(cluster.addressesOf(Svc.ref("a", "second"))).containsExactly("10.9.0.2");
    assertThat(cluster.status().log().calls("status.recordAllocation")).hasSize(2);
  }

  @Test
  void givenExhaustedPool_whenServiceAppears_thenAllocationFailedAndNothingWritten() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.1"));
    cluster.watch().upsert(Svc.of("a", "one").build());
    cluster.watch().upsert(Svc.of("a", "two").build());
    AllocationPass p = pass();
    pass(); // the same failure is not repeated as a new Event
    assertThat(p.failed()).containsOnlyKeys(Svc.ref("a", "two"));
    assertThat(cluster.addressesOf(Svc.ref("a", "two"))).isEmpty();
    assertThat(cluster.status().allocation(Svc.ref("a", "two"))).isEmpty();
    assertThat(cluster.status().events(Svc.ref("a", "two"))).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("in use"))
        .extracting(ServiceEvent::reason).isEqualTo("AllocationFailed");
  }

  @Test
  void givenRequestDualStack_whenPoolHasBothFamilies_thenBothWrittenInFamilyOrder() {
    cluster.watch().upsertPoolConfig(Map.of("cidr-global", "10.9.0.0/29,fd00::/125"));
    cluster.watch().upsert(Svc.of("a", "dual")
        .families(IpFamilyPolicy.REQUIRE_DUAL_STACK, IpFamily.IPV6, IpFamily.IPV4).build());
    cluster.watch().upsert(Svc.of("a", "six").families(IpFamilyPolicy.SINGLE_STACK, IpFamily.IPV6).build());
    pass();
    assertThat(cluster.addressesOf(Svc.ref("a", "dual"))).containsExactly("fd00::", "10.9.0.1");
    assertThat(cluster.addressesOf(Svc.ref("a", "six"))).containsExactly("fd00::1");
  }

  @Test
  void givenRequestedAddressHeldByAnother_whenNoSharing_thenAllocationFailedNamesTheHolderAndNothingWritten() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    cluster.watch().upsert(Svc.of("a", "holder").requesting("10.9.0.5").build());
    cluster.watch().upsert(Svc.of("b", "late").requesting("10.9.0.5").build());
    AllocationPass p = pass();
    assertThat(p.failed().get(Svc.ref("b", "late"))).contains("10.9.0.5").contains("a/holder");
    assertThat(reasons(Svc.ref("b", "late"))).containsExactly("AllocationFailed");
    assertThat(cluster.status().log().calls()).noneMatch(c -> c.operation().equals("status.recordAllocation"));
    assertThat(reasons(Svc.ref("a", "holder"))).isEmpty();
  }

  @Test
  void givenSharingAllowed_whenPortsDoNotClash_thenSecondServiceGetsTheSameAddress_andClashingOneIsRefused() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10", "allow-share-global", "true"));
    cluster.watch().upsert(Svc.of("a", "web").requesting("10.9.0.5").ports(ServicePort.tcp(80)).build());
    cluster.watch().upsert(Svc.of("a", "dns").requesting("10.9.0.5").ports(ServicePort.udp(53)).build());
    cluster.watch().upsert(Svc.of("a", "web2").requesting("10.9.0.5").ports(ServicePort.tcp(80)).build());
    AllocationPass p = pass();
    assertThat(p.failed()).containsOnlyKeys(Svc.ref("a", "web2"));
    assertThat(p.failed().get(Svc.ref("a", "web2"))).contains("80/TCP");
  }

  @Test
  void givenRequestedAddressOutsidePools_whenPass_thenAcceptedWithAWarning() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    cluster.watch().upsert(Svc.of("a", "own").requesting("192.0.2.7").build());
    AllocationPass p = pass();
    assertThat(p.failed()).isEmpty();
    assertThat(cluster.status().events(Svc.ref("a", "own"))).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("192.0.2.7").contains("outside every pool"));
  }

  @Test
  void givenMalformedEntryInOneNamespacePool_whenPass_thenItsServicesWarnedAndOthersUnaffected() {
    cluster.watch().upsertPoolConfig(Map.of("cidr-prod", "10.1.0.0/30,10.1.0.300/32", "cidr-global", "10.9.0.0/29"));
    cluster.watch().upsert(Svc.of("prod", "p").build());
    cluster.watch().upsert(Svc.of("dev", "d").build());
    pass();
    assertThat(cluster.addressesOf(Svc.ref("prod", "p"))).containsExactly("10.1.0.1");
    assertThat(cluster.status().events(Svc.ref("prod", "p"))).anySatisfy(e -> {
      assertThat(e.reason()).isEqualTo("PoolConfigProblem");
      assertThat(e.message()).contains("cidr-prod").contains("10.1.0.300/32");
    });
    assertThat(reasons(Svc.ref("dev", "d"))).containsExactly("AddressAllocated");
  }

  @Test
  void givenMalformedRequestedAddress_whenPass_thenRefusedNamingItAndOthersAllocated() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    cluster.watch().upsert(Svc.of("a", "typo").requesting("10.9.0.999").build());
    cluster.watch().upsert(Svc.of("a", "fine").build());
    AllocationPass p = pass();
    assertThat(p.failed().get(Svc.ref("a", "typo"))).contains("'10.9.0.999'");
    assertThat(cluster.status().events(Svc.ref("a", "typo"))).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo("AllocationFailed");
      assertThat(e.message()).contains("'10.9.0.999'").contains("not an IP address");
    });
    assertThat(cluster.addressesOf(Svc.ref("a", "fine"))).containsExactly("10.9.0.1");
  }

  @Test
  void givenDisabled_whenPass_thenNothingWritten() {
    var off = new ServiceAddressAllocator(cluster.status(), false, Duration.ZERO, clock);
    off.leadershipGained();
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    cluster.watch().upsert(Svc.of("a", "x").build());
    assertThat(off.reconcile(model.snapshot()).skipped()).isEqualTo("disabled");
    assertThat(cluster.addressesOf(Svc.ref("a", "x"))).isEmpty();
  }

  @Test
  void givenJustGainedLease_whenPassBeforeSettle_thenNothingUntilSettled_andLostLeaseStopsAtOnce() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    cluster.watch().upsert(Svc.of("a", "x").build());
    allocator.leadershipGained();
    assertThat(pass().ran()).isFalse();
    clock.advance(Duration.ofSeconds(2));
    allocator.leadershipLost();
    assertThat(pass().ran()).isFalse();
    allocator.leadershipGained();
    clock.advance(Duration.ofSeconds(2));
    assertThat(pass().allocated()).containsOnlyKeys(Svc.ref("a", "x"));
  }

  @Test
  void givenDeletedService_whenNewServiceAppears_thenTheFreedAddressIsReused() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.1"));
    cluster.watch().upsert(Svc.of("a", "old").build());
    pass();
    cluster.watch().delete(Svc.ref("a", "old"));
    cluster.watch().upsert(Svc.of("a", "new").build());
    pass();
    assertThat(cluster.addressesOf(Svc.ref("a", "new"))).containsExactly("10.9.0.1");
    Set<String> seen = new HashSet<>();
    cluster.watch().services().forEach(s -> assertThat(seen.addAll(s.requestedAddresses())).isTrue());
  }

  @Test
  void givenRequireDualStack_whenIpv6PoolExhausted_thenAllocationFailedAndNeitherFamilyWritten() {
    cluster.watch().upsertPoolConfig(Map.of("cidr-global", "10.9.0.0/29,fd00::/128"));
    cluster.watch().upsert(Svc.of("a", "six").requesting("fd00::").build());
    cluster.watch().upsert(Svc.of("a", "dual")
        .families(IpFamilyPolicy.REQUIRE_DUAL_STACK, IpFamily.IPV4, IpFamily.IPV6).build());
    AllocationPass p = pass();
    assertThat(p.failed()).containsOnlyKeys(Svc.ref("a", "dual"));
    assertThat(cluster.addressesOf(Svc.ref("a", "dual"))).isEmpty();
    assertThat(cluster.status().log().calls()).noneMatch(c -> c.operation().equals("status.recordAllocation"));
    assertThat(cluster.status().events(Svc.ref("a", "dual"))).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo("AllocationFailed");
      assertThat(e.message()).containsIgnoringCase("ipv6");
    });
  }

  @Test
  void givenNamespacePoolWithOnlyMalformedEntries_whenServiceOfThatNamespace_thenAllocationFailedNamesKeyAndEntry() {
    cluster.watch().upsertPoolConfig(Map.of("cidr-prod", "10.1.0.300/32", "cidr-global", "10.9.0.0/29"));
    cluster.watch().upsert(Svc.of("prod", "p").build());
    cluster.watch().upsert(Svc.of("dev", "d").build());
    pass();
    assertThat(cluster.status().events(Svc.ref("prod", "p"))).anySatisfy(e -> {
      assertThat(e.message()).contains("cidr-prod").contains("10.1.0.300/32");
    });
    assertThat(cluster.addressesOf(Svc.ref("dev", "d"))).containsExactly("10.9.0.1");
  }

  @Test
  void givenSharedAddressWithClashingPorts_whenLaterServiceAsks_thenAllocationFailedNamesTheOtherService() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10", "allow-share-global", "true"));
    cluster.watch().upsert(Svc.of("a", "web").requesting("10.9.0.5").ports(ServicePort.tcp(80)).build());
    cluster.watch().upsert(Svc.of("b", "web2").requesting("10.9.0.5").ports(ServicePort.tcp(80)).build());
    pass();
    assertThat(cluster.status().events(Svc.ref("b", "web2"))).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo("AllocationFailed");
      assertThat(e.message()).contains("10.9.0.5").contains("a/web").contains("80/TCP");
    });
    assertThat(reasons(Svc.ref("a", "web"))).isEmpty();
  }

  @Test
  void givenMoreNewServicesThanThePassLimit_whenPassesRun_thenEachWritesAtMostTheLimitAndTheRestFollow() {
    allocator = new ServiceAddressAllocator(cluster.status(), true, Duration.ofSeconds(2), clock, 2);
    allocator.leadershipGained();
    clock.advance(Duration.ofSeconds(2));
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    for (int i = 0; i < 5; i++) {
      cluster.watch().upsert(Svc.of("dev", "s" + i).build());
    }

    AllocationPass first = pass();
    AllocationPass second = pass();
    AllocationPass third = pass();

    assertThat(first.allocated()).hasSize(2);
    assertThat(first.deferred()).isEqualTo(3);
    assertThat(second.allocated()).hasSize(2);
    assertThat(second.deferred()).isEqualTo(1);
    assertThat(third.allocated()).hasSize(1);
    assertThat(third.deferred()).isZero();
    Set<String> all = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      all.addAll(cluster.addressesOf(Svc.ref("dev", "s" + i)));
    }
    assertThat(all).hasSize(5);
  }

  private boolean idle() {
    return allocator.idle(model.claims(model.snapshot()));
  }

  @Test
  void givenAServiceWithoutAddress_whenAsked_thenNotIdleUntilItsAllocationIsWritten_evenBeforeTheWatchShowsIt() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    var web = Svc.of("a", "web").build();
    cluster.watch().upsert(web);
    ClusterState lagging = model.snapshot(); // as the pass saw it: the write's echo is not in it
    assertThat(allocator.idle(model.claims(lagging))).as("a Service without an address").isFalse();

    allocator.reconcile(lagging);

    assertThat(allocator.idle(model.claims(lagging))).as("its allocation is written, the echo not seen yet").isTrue();
    assertThat(idle()).as("the echo seen").isTrue();
    cluster.watch().upsert(Svc.of("a", "next").build());
    assertThat(idle()).as("another Service without an address").isFalse();
  }

  @Test
  void givenAProblem_whenAsked_thenNotIdleUntilReportedInItsCurrentForm() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    cluster.watch().upsert(Svc.of("a", "typo").requesting("10.9.0.999").build());
    cluster.watch().upsert(Svc.of("a", "own").requesting("192.0.2.7").build());
    assertThat(idle()).isFalse();
    pass();
    assertThat(idle()).as("both reported").isTrue();

    cluster.watch().upsert(Svc.of("a", "typo").requesting("10.9.0.998x").build());

    assertThat(idle()).as("the refusal's reason changed").isFalse();
    pass();
    assertThat(idle()).isTrue();
  }

  @Test
  void givenAnAllocationThatFailed_whenAsked_thenNeverIdle_soEveryChangeRetriesIt() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.1"));
    cluster.watch().upsert(Svc.of("a", "one").build());
    cluster.watch().upsert(Svc.of("a", "two").build());
    pass();
    assertThat(idle()).isFalse();
  }

  @Test
  void givenNotLeadingOrSettling_whenAsked_thenIdleOnlyWhenNotLeading() {
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    cluster.watch().upsert(Svc.of("a", "x").build());
    allocator.leadershipLost();
    assertThat(idle()).as("another node allocates").isTrue();
    allocator.leadershipGained();
    assertThat(idle()).as("settling in: a pass is due when it ends").isFalse();
    var off = new ServiceAddressAllocator(cluster.status(), false, Duration.ZERO, clock);
    off.leadershipGained();
    assertThat(off.idle(model.claims(model.snapshot()))).as("disabled").isTrue();
  }
}
