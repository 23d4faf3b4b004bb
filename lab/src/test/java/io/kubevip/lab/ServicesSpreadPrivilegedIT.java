// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Service;
import io.kubevip.testkit.netns.Privileged;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * LoadBalancer Services end to end with three real Services-only managers in distributed mode
 * ({@code svc_election=true}, lease 3 s / renew 2 s / retry 1 s, {@code ip_forward=0} on the nodes): addresses from
 * the right pool, spread over the nodes, each answered by exactly the node named in {@code kube-vip.io/vipHost} as
 * the client's ARP / ND entry shows; a shared IP, {@code externalTrafficPolicy: Local} following its endpoint
 * (also across two EndpointSlices), IPv6 and dual-stack, an exhausted pool, bad input, and deletion. One lab for the
 * whole class; the scenarios run in order and each leaves the Services it checks in place for the later ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServicesSpreadPrivilegedIT {
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final Map<String, String> POOLS = Map.of(
      "cidr-team-a", "10.99.0.32/28",
      "range-global", "10.99.0.64-10.99.0.95",
      "range-tiny", "10.99.0.120-10.99.0.121",
      "cidr-dual", "10.99.0.128/28,fd99::1:0/124",
      "range-shared", "10.99.0.140-10.99.0.143",
      "allow-share-shared", "true",
      "range-local", "10.99.0.150-10.99.0.153");

  private ServicesLab lab;
  private final List<Service> thirty = new ArrayList<>();

  @BeforeAll
  void startLab() {
    Privileged.assume();
    lab = ServicesLab.start("spread", Map.of("svc_election", "true"), POOLS);
  }

  @AfterAll
  void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  @Order(1)
  void givenNamespaceAndGlobalPools_when30ServicesAreCreated_thenEachGetsAnAddressFromItsPoolAnsweredByItsVipHost() {
    for (int i = 0; i < 15; i++) {
      thirty.add(lab.createAnnounced("team-a", "a-" + i));
      thirty.add(lab.createAnnounced("team-b", "b-" + i));
    }
    awaitAnnounced(thirty);

    Map<String, String> byAddress = new TreeMap<>();
    Map<String, Integer> perNode = new TreeMap<>();
    for (Service s : thirty) {
      String ns = s.getMetadata().getNamespace();
      List<String> a = lab.allocated(ns, s.getMetadata().getName());
      assertThat(a).as("one IPv4 address for %s", s.getMetadata().getName()).hasSize(1);
      if (ns.equals("team-a")) {
        assertThat(inRange(a.get(0), "10.99.0.32", "10.99.0.47")).as("%s from cidr-team-a", a).isTrue();
      } else {
        assertThat(inRange(a.get(0), "10.99.0.64", "10.99.0.95")).as("%s from range-global", a).isTrue();
      }
      assertThat(byAddress.put(a.get(0), s.getMetadata().getName())).as("%s given twice", a).isNull();
      perNode.merge(lab.vipHost(ns, s.getMetadata().getName()).orElseThrow(), 1, Integer::sum);
    }
    lab.log("30 Services announced; VIPs per node " + perNode);
    assertThat(perNode.keySet()).as("svc_election=true spreads the VIPs over every node").containsExactlyInAnyOrder(
        "node1", "node2", "node3");
  }

  @Test
  @Order(2)
  void givenTwoServicesAskingForOneAddressWithSharingOn_whenCreated_thenOneNodeAnnouncesItForBoth() {
    Service web = lab.createService("shared", "web", b -> b.editMetadata()
        .addToAnnotations(ServicesLab.LB_IPS, "10.99.0.141").endMetadata());
    Service dns = lab.createService("shared", "dns", b -> b.editMetadata()
        .addToAnnotations(ServicesLab.LB_IPS, "10.99.0.141").endMetadata()
        .editSpec().editFirstPort().withProtocol("UDP").withPort(53).endPort().endSpec());
    awaitAnnounced(List.of(web, dns));
    assertThat(lab.vipHost("shared", "web")).as("one owner for the shared IP")
        .isEqualTo(lab.vipHost("shared", "dns"));
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> lab.lan().holders().getOrDefault("10.99.0.141", Set.of()).size() == 1);
    lab.log("shared 10.99.0.141 on " + lab.lan().holders().get("10.99.0.141"));
  }

  @Test
  @Order(3)
  void givenEtpLocalService_whenItsReadyEndpointMovesToAnotherNode_thenTheVipFollowsIt() {
    Service web = lab.createService("local", "web", b -> b.editSpec().withExternalTrafficPolicy("Local").endSpec());
    lab.putSlice("local", "web", "web-1", Map.of("node1", true));
    awaitAnnounced(List.of(web));
    assertThat(lab.vipHost("local", "web")).contains("node1");

    lab.putSlice("local", "web", "web-1", new LinkedHashMap<>(Map.of("node1", false, "node2", true)));
    await().atMost(SETTLE).until(() -> lab.vipHost("local", "web").filter("node2"::equals).isPresent());
    awaitAnnounced(List.of(web));
    lab.log("ETP=Local local/web moved to node2 with its endpoint");
  }

  @Test
  @Order(4)
  void givenEtpLocalServiceWithTwoSlices_whenTheReadyLocalEndpointIsInTheSliceReceivedFirst_thenItsNodeAnnounces() {
    Service split = lab.createService("local", "split",
        b -> b.editSpec().withExternalTrafficPolicy("Local").endSpec());
    lab.putSlice("local", "split", "split-a", Map.of("node3", true));
    lab.putSlice("local", "split", "split-b", Map.of("node1", false));
    awaitAnnounced(List.of(split));
    assertThat(lab.vipHost("local", "split")).as("the node with the ready endpoint (slice split-a)")
        .contains("node3");
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> lab.vipHost("local", "split").filter("node3"::equals).isPresent()
            && lab.lan().holders().getOrDefault(lab.allocated("local", "split").get(0), Set.of()).equals(Set.of("node3")));
  }

  @Test
  @Order(5)
  void givenIpv6AndDualStackServices_whenCreated_thenTheyGetAddressesOfTheirFamiliesAndTheClientReachesThem() {
    Service v6 = lab.createService("dual", "v6", b -> b.editSpec().withIpFamilyPolicy("SingleStack")
        .withIpFamilies("IPv6").endSpec());
    awaitAnnounced(List.of(v6)); // one new VIP at a time (see ServicesBurstPlacementPrivilegedIT)
    Service both = lab.createService("dual", "both", b -> b.editSpec().withIpFamilyPolicy("RequireDualStack")
        .withIpFamilies("IPv4", "IPv6").endSpec());
    awaitAnnounced(List.of(v6, both));

    List<String> six = lab.allocated("dual", "v6");
    assertThat(six).hasSize(1);
    assertThat(inRange(six.get(0), "fd99::1:0", "fd99::1:f")).as("%s from cidr-dual's IPv6 entry", six).isTrue();
    List<String> two = lab.allocated("dual", "both");
    assertThat(two).as("RequireDualStack: one address per family").hasSize(2);
    assertThat(two.stream().filter(a -> a.contains(":")).toList()).singleElement()
        .matches(a -> inRange(a, "fd99::1:0", "fd99::1:f"), "in fd99::1:0/124");
    assertThat(two.stream().filter(a -> !a.contains(":")).toList()).singleElement()
        .matches(a -> inRange(a, "10.99.0.128", "10.99.0.143"), "in 10.99.0.128/28");
    for (String a : List.of(six.get(0), two.get(0), two.get(1))) {
      assertThat(lab.lan().clientReaches(a)).as("ping %s from the client", a).isTrue();
    }
  }

  @Test
  @Order(6)
  void givenExhaustedPool_whenAnotherServiceAsks_thenAllocationFailedEventAndNoPartialState() {
    Service t1 = lab.createAnnounced("tiny", "t1");
    Service t2 = lab.createAnnounced("tiny", "t2");
    awaitAnnounced(List.of(t1, t2));
    lab.createService("tiny", "t3");

    await().atMost(SETTLE).until(() -> hasEvent("tiny", "t3", "AllocationFailed", "range-tiny"));
    lab.log("tiny/t3: " + ServicesLab.describe(lab.events("tiny", "t3")));
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
      Service t3 = lab.service("tiny", "t3").orElseThrow();
      return ServicesLab.allocated(t3).isEmpty() && ServicesLab.annotation(t3, ServicesLab.VIP_HOST) == null
          && (t3.getStatus() == null || t3.getStatus().getLoadBalancer() == null
              || t3.getStatus().getLoadBalancer().getIngress() == null
              || t3.getStatus().getLoadBalancer().getIngress().isEmpty());
    });
    assertThat(lab.lan().holders().keySet()).as("no node holds an address no Service was given")
        .isSubsetOf(allAllocated());
  }

  @Test
  @Order(7)
  void givenBadInput_whenServicesUseIt_thenEventsNameTheProblemAndOtherServicesAreUnaffected() {
    Map<String, List<String>> before = addressesOf(thirty);
    lab.client().configMaps().inNamespace("kube-system").withName("kubevip").edit(cm -> {
      cm.getData().put("cidr-bad", "10.99.0.300/30,10.99.0.160/30");
      cm.getData().put("range-broken", "10.99.0.170-10.99.0.16x");
      return cm;
    });
    // One new VIP at a time (see ServicesBurstPlacementPrivilegedIT); the refused ones add none.
    Service bad = lab.createAnnounced("bad", "mixed");
    lab.createService("broken", "none");
    lab.createService("team-b", "typo", b -> b.editMetadata()
        .addToAnnotations(ServicesLab.LB_IPS, "10.99.0.999").endMetadata());
    Service outside = lab.createService("team-b", "outside", b -> b.editMetadata()
        .addToAnnotations(ServicesLab.LB_IPS, "10.99.0.200").endMetadata());
    awaitAnnounced(List.of(outside));
    Service first = lab.createService("team-b", "claim-1", b -> b.editMetadata()
        .addToAnnotations(ServicesLab.LB_IPS, "10.99.0.201").endMetadata());
    awaitAnnounced(List.of(first));
    lab.createService("team-b", "claim-2", b -> b.editMetadata()
        .addToAnnotations(ServicesLab.LB_IPS, "10.99.0.201").endMetadata()
        .editSpec().editFirstPort().withPort(443).endPort().endSpec());
    Service fresh = lab.createAnnounced("team-b", "fresh");

    await().atMost(SETTLE).untilAsserted(() -> {
      assertThat(hasEvent("bad", "mixed", "PoolConfigProblem", "10.99.0.300/30"))
          .as("malformed entry of cidr-bad named; events %s", ServicesLab.describe(lab.events("bad", "mixed")))
          .isTrue();
      assertThat(hasEvent("broken", "none", "AllocationFailed", "10.99.0.170-10.99.0.16x"))
          .as("only-malformed range-broken named; events %s", ServicesLab.describe(lab.events("broken", "none")))
          .isTrue();
      assertThat(hasEvent("team-b", "typo", "AllocationFailed", "10.99.0.999"))
          .as("invalid requested address named; events %s", ServicesLab.describe(lab.events("team-b", "typo")))
          .isTrue();
      assertThat(hasEvent("team-b", "outside", "AddressOutsidePools", "10.99.0.200"))
          .as("address outside every pool named; events %s",
              ServicesLab.describe(lab.events("team-b", "outside"))).isTrue();
      assertThat(hasEvent("team-b", "claim-2", "AllocationFailed", "10.99.0.201"))
          .as("conflicting request named; events %s", ServicesLab.describe(lab.events("team-b", "claim-2")))
          .isTrue();
    });
    List<String> mixed = lab.allocated("bad", "mixed");
    assertThat(mixed).as("the valid entry of cidr-bad still serves").singleElement()
        .matches(a -> inRange(a, "10.99.0.160", "10.99.0.163"), "in 10.99.0.160/30");
    awaitAnnounced(List.of(bad, outside, first, fresh));
    assertThat(lab.allocated("broken", "none")).isEmpty();
    assertThat(lab.vipHost("team-b", "claim-2")).as("the refused claim is not announced").isEmpty();
    assertThat(lab.lan().holders().keySet()).as("no invalid address on any node").doesNotContain("10.99.0.999");
    assertThat(addressesOf(thirty)).as("the 30 Services keep their addresses").isEqualTo(before);
    awaitAnnounced(thirty);
  }

  @Test
  @Order(8)
  void givenServiceWithAnotherKubevipClass_whenCreated_thenAnEventNamesTheUnknownClass() {
    lab.createService("team-b", "classy", b -> b.editSpec().withLoadBalancerClass("kube-vip.io/no-such-class")
        .endSpec());
    await().atMost(SETTLE).untilAsserted(() -> assertThat(lab.events("team-b", "classy"))
        .as("an Event naming the unknown class").anyMatch(e -> e.getMessage() != null
            && e.getMessage().contains("kube-vip.io/no-such-class")));
    assertThat(lab.allocated("team-b", "classy")).isEmpty();
  }

  @Test
  @Order(9)
  void givenAnnouncedService_whenDeleted_thenItsAddressLeavesEveryNode() {
    Service victim = thirty.remove(0);
    String ns = victim.getMetadata().getNamespace();
    String name = victim.getMetadata().getName();
    String address = lab.allocated(ns, name).get(0);
    assertThat(lab.lan().holders()).containsKey(address);
    lab.client().services().inNamespace(ns).withName(name).delete();
    await().atMost(SETTLE).until(() -> !lab.lan().holders().containsKey(address));
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> !lab.lan().holders().containsKey(address));
    lab.log("deleted " + ns + "/" + name + ": " + address + " gone from every node");
    awaitAnnounced(thirty);
  }

  // ---- helpers ----

  private void awaitAnnounced(List<Service> services) {
    lab.awaitAnnounced(services, SETTLE);
  }


  private boolean hasEvent(String ns, String name, String reason, String mentions) {
    List<Event> events = lab.events(ns, name);
    return events.stream().anyMatch(e -> reason.equals(e.getReason()) && e.getMessage() != null
        && e.getMessage().contains(mentions));
  }

  private Map<String, List<String>> addressesOf(List<Service> services) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Service s : services) {
      out.put(s.getMetadata().getNamespace() + "/" + s.getMetadata().getName(),
          lab.allocated(s.getMetadata().getNamespace(), s.getMetadata().getName()));
    }
    return out;
  }

  private Set<String> allAllocated() {
    Set<String> out = new HashSet<>();
    lab.client().services().inAnyNamespace().list().getItems()
        .forEach(s -> out.addAll(ServicesLab.allocated(s)));
    return out;
  }

  static boolean inRange(String address, String first, String last) {
    try {
      java.math.BigInteger a = new java.math.BigInteger(1, InetAddress.getByName(address).getAddress());
      byte[] f = InetAddress.getByName(first).getAddress();
      byte[] l = InetAddress.getByName(last).getAddress();
      if (f.length != InetAddress.getByName(address).getAddress().length) {
        return false;
      }
      return a.compareTo(new java.math.BigInteger(1, f)) >= 0 && a.compareTo(new java.math.BigInteger(1, l)) <= 0;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
