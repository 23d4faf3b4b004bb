// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Service;
import io.kubevip.testkit.netns.Privileged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node lost and its manager restarted, with three real Services-only managers in distributed mode
 * ({@code svc_election=true}, lease 3 s / renew 2 s / retry 1 s) and twelve Services spread over them: a dead node
 * (manager SIGKILLed, its eth0 down) loses its liveness Lease and its VIPs move to the others, the client following
 * their MACs; a manager restarted on it (kept out of placement by {@code
 * node.kubernetes.io/exclude-from-external-load-balancers}, so it owns nothing) removes every address its killed
 * predecessor left behind, before the node is back on the LAN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServicesNodeLossPrivilegedIT {
  private static final Duration SETTLE = Duration.ofSeconds(60);

  private ServicesLab lab;
  private final List<Service> services = new ArrayList<>();
  private String dead;
  private Set<String> leftBehind = Set.of();

  @BeforeAll
  void startLab() {
    Privileged.assume();
    lab = ServicesLab.start("nodeloss", Map.of("svc_election", "true"),
        Map.of("range-global", "10.99.0.64-10.99.0.95"));
    for (int i = 0; i < 12; i++) {
      services.add(lab.createAnnounced("apps", "s-" + i));
    }
  }

  @AfterAll
  void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  @Order(1)
  void givenVipsOnEveryNode_whenANodeDies_thenItsLeaseExpiresAndItsVipsMoveToTheOthers() {
    awaitAnnounced();
    Map<String, Set<String>> before = vipsByHost();
    lab.log("before: " + before);
    dead = before.entrySet().stream().max(java.util.Map.Entry.comparingByValue(
        java.util.Comparator.comparingInt(Set::size))).orElseThrow().getKey();
    Set<String> moving = before.get(dead);
    assertThat(moving).as("the node to kill announces something").isNotEmpty();
    assertThat(lab.livenessValid(dead)).as("liveness Lease of %s valid before", dead).isTrue();

    long t0 = System.nanoTime();
    lab.kill(dead);
    lab.lan().takeOffLan(dead);
    await().atMost(SETTLE).until(() -> !lab.livenessValid(dead));
    long expired = System.nanoTime();
    awaitAnnounced();
    long moved = System.nanoTime();
    Map<String, Set<String>> after = vipsByHost();
    lab.log("killed " + dead + " (SIGKILL + eth0 down): Lease expired after " + (expired - t0) / 1_000_000
        + " ms, VIPs announced elsewhere after " + (moved - t0) / 1_000_000 + " ms: " + after);
    assertThat(after).as("no VIP on the dead node any more").doesNotContainKey(dead);
    assertThat(after.values().stream().flatMap(Set::stream).toList()).as("every VIP moved, none lost")
        .containsExactlyInAnyOrderElementsOf(before.values().stream().flatMap(Set::stream).toList());
    leftBehind = lab.lan().vipsOn(dead);
    assertThat(leftBehind).as("a SIGKILLed manager leaves its addresses on the (dead) node").isEqualTo(moving);
  }

  @Test
  @Order(2)
  void givenKilledManagersAddressesLeftOnItsNode_whenTheManagerRestarts_thenItRemovesTheOnesItNoLongerOwns() {
    assertThat(dead).as("needs the previous scenario's dead node").isNotNull();
    assertThat(leftBehind).as("orphans left by the killed manager").isNotEmpty();
    // Kept out of placement while it restarts off the LAN, so it owns nothing: everything left on it is an orphan.
    excludeFromLoadBalancers(dead, true);
    long t0 = System.nanoTime();
    lab.restart(dead);
    long ready = System.nanoTime();
    await().atMost(SETTLE).untilAsserted(() -> assertThat(lab.lan().vipsOn(dead))
        .as("orphans of the killed manager on %s (it owns none now)", dead).isEmpty());
    lab.log("restarted " + dead + ": ready after " + (ready - t0) / 1_000_000 + " ms, orphans " + leftBehind
        + " removed after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    assertThat(vipsByHost()).as("it recorded no ownership").doesNotContainKey(dead);

    excludeFromLoadBalancers(dead, false);
    lab.lan().bringBackOnLan(dead);
    awaitAnnounced();
    lab.log("after the node is back: " + vipsByHost());
  }

  private void excludeFromLoadBalancers(String node, boolean exclude) {
    lab.client().nodes().withName(node).edit(n -> {
      if (n.getMetadata().getLabels() == null) {
        n.getMetadata().setLabels(new java.util.HashMap<>());
      }
      if (exclude) {
        n.getMetadata().getLabels().put("node.kubernetes.io/exclude-from-external-load-balancers", "true");
      } else {
        n.getMetadata().getLabels().remove("node.kubernetes.io/exclude-from-external-load-balancers");
      }
      return n;
    });
  }

  private void awaitAnnounced() {
    lab.awaitAnnounced(services, SETTLE);
  }


  /** vipHost → the addresses of the Services it announces. */
  private Map<String, Set<String>> vipsByHost() {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Service s : services) {
      String ns = s.getMetadata().getNamespace();
      String name = s.getMetadata().getName();
      lab.vipHost(ns, name).ifPresent(h -> out.computeIfAbsent(h, k -> new TreeSet<>())
          .addAll(lab.allocated(ns, name)));
    }
    return out;
  }
}
