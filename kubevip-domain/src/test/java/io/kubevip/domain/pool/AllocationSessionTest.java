// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import static io.kubevip.domain.pool.Fixtures.addresses;
import static io.kubevip.domain.pool.Fixtures.config;
import static io.kubevip.domain.pool.Fixtures.svc;
import static io.kubevip.domain.pool.Fixtures.used;
import static io.kubevip.domain.pool.Fixtures.v4;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.IpFamilyPolicy;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocationSessionTest {

  @Test
  void givenSession_whenAllocatingRepeatedly_thenEachAddressHandedOutOnceAndReleasedAddressReturns() {
    AllocationSession s = Allocator.session(config("cidr-global", "10.0.0.0/29"), List.of(used("10.0.0.2", "a/x")));
    assertThat(addresses(s.allocate(v4("a/1")))).containsExactly("10.0.0.1");
    assertThat(addresses(s.allocate(v4("a/2")))).containsExactly("10.0.0.3");
    assertThat(addresses(s.allocate(v4("a/3")))).containsExactly("10.0.0.4");
    s.release(svc("a/1"));
    assertThat(addresses(s.allocate(v4("a/4")))).containsExactly("10.0.0.1");
    assertThat(addresses(s.allocate(v4("a/5")))).containsExactly("10.0.0.5");
    s.release(svc("a/x"));
    assertThat(addresses(s.allocate(v4("a/6")))).containsExactly("10.0.0.2");
  }

  @Test
  void givenExhaustedSession_whenReleased_thenAllocatesAgain() {
    AllocationSession s = Allocator.session(config("cidr-global", "10.0.0.1/32", "search-order", "desc"), List.of());
    assertThat(addresses(s.allocate(v4("a/1")))).containsExactly("10.0.0.1");
    assertThat(s.allocate(v4("a/2"))).isInstanceOf(AllocationFailed.class);
    s.release(svc("a/1"));
    assertThat(addresses(s.allocate(v4("a/2")))).containsExactly("10.0.0.1");
  }

  @Test
  void givenRecordedUserAddress_whenAllocating_thenSkipped() {
    AllocationSession s = Allocator.session(config("cidr-global", "10.0.0.0/29"), List.of());
    s.recordInUse(used("10.0.0.1", "a/user"));
    assertThat(addresses(s.allocate(v4("a/1")))).containsExactly("10.0.0.2");
  }

  @Test
  void givenSharedAddress_whenOneHolderReleased_thenStillInUseUntilTheLastGoes() {
    AllocationSession s = Allocator.session(config("cidr-global", "10.0.0.1/32", "allow-share-global", "true"), List.of());
    assertThat(addresses(s.allocate(v4("a/web", ServicePort.tcp(80))))).containsExactly("10.0.0.1");
    assertThat(addresses(s.allocate(v4("a/dns", ServicePort.tcp(53))))).containsExactly("10.0.0.1");
    s.release(svc("a/web"));
    assertThat(s.allocate(v4("a/other"))).isInstanceOf(AllocationFailed.class);
    s.release(svc("a/dns"));
    assertThat(addresses(s.allocate(v4("a/other")))).containsExactly("10.0.0.1");
  }

  @Test
  void givenTenThousandServices_whenAllocatedFromSlash16_thenAllSucceedAndAreDistinctAndInPool() {
    PoolConfig c = config("cidr-global", "10.20.0.0/16");
    AllocationSession s = Allocator.session(c, List.of());
    List<VipAddress> handedOut = new ArrayList<>();
    Pool pool = c.poolFor("ns").orElseThrow();
    for (int i = 0; i < 10_000; i++) {
      AllocationResult r = s.allocate(AllocationRequest.ipv4(new ServiceRef("ns", "s" + i, ""), Set.of(ServicePort.tcp(80))));
      handedOut.add(((Allocated) r).addresses().get(0)); // a failure would be a ClassCastException naming the result
    }
    Set<VipAddress> seen = new HashSet<>(handedOut);
    assertThat(handedOut).allMatch(pool::contains)
        .noneMatch(a -> (a.address().getAddress()[3] & 0xff) == 0 || (a.address().getAddress()[3] & 0xff) == 255);
    assertThat(seen).hasSize(10_000);
  }

  /** The session must answer exactly as the pure function given the same, growing and shrinking, in-use list. */
  @Test
  void givenRandomConfigsAndOperations_whenSessionAndPureFunctionCompared_thenAlwaysSameAnswer() {
    int checked = 0;
    int shared = 0;
    for (int seed = 0; seed < 400; seed++) {
      Random random = new Random(seed);
      PoolConfig config = randomConfig(random);
      List<AddressInUse> model = new ArrayList<>();
      for (int i = 0; i < random.nextInt(6); i++) {
        model.add(new AddressInUse(randomAddress(random), new ServiceRef(ns(random), "pre" + i, ""), ports(random)));
      }
      AllocationSession session = Allocator.session(config, model);
      Map<ServiceRef, Boolean> live = new HashMap<>();
      model.forEach(u -> live.put(u.service(), true));
      for (int op = 0; op < 60; op++) {
        if (!live.isEmpty() && random.nextInt(4) == 0) {
          List<ServiceRef> refs = new ArrayList<>(live.keySet());
          refs.sort(null);
          ServiceRef gone = refs.get(random.nextInt(refs.size()));
          session.release(gone);
          model.removeIf(u -> u.service().equals(gone));
          live.remove(gone);
          continue;
        }
        AllocationRequest req = randomRequest(random, op);
        AllocationResult expected = Allocator.allocate(config, model, req);
        AllocationResult actual = session.allocate(req);
        if (!actual.equals(expected)) { // formatting a description 24,000 times would dominate the test's time
          assertThat(actual).as("seed %d op %d config %s", seed, op, config).isEqualTo(expected);
        }
        checked++;
        shared += actual instanceof Allocated a && a.pool().contains("shared") ? 1 : 0;
        if (actual instanceof Allocated a) {
          a.addresses().forEach(v -> model.add(new AddressInUse(v, req.service(), req.ports())));
          live.put(req.service(), true);
        }
      }
      assertThat(session.inUse()).containsExactlyInAnyOrderElementsOf(model);
    }
    // the random inputs must reach the interesting paths, or the comparison proves little
    assertThat(checked).isGreaterThan(15_000);
    assertThat(shared).isGreaterThan(100);
  }

  private static PoolConfig randomConfig(Random r) {
    Map<String, String> data = new HashMap<>();
    for (String scope : List.of("global", "a", "b")) {
      if (r.nextInt(3) > 0) {
        data.put("cidr-" + scope, cidrs(r));
      }
      if (r.nextInt(3) > 0) {
        data.put("range-" + scope, ranges(r));
      }
      if (r.nextBoolean()) {
        data.put("allow-share-" + scope, String.valueOf(r.nextBoolean()));
      }
    }
    if (r.nextBoolean()) {
      data.put("search-order", "desc");
    }
    if (r.nextBoolean()) {
      data.put("skip-end-ips-in-cidr", "true");
    }
    return PoolConfig.parse(data);
  }

  private static String cidrs(Random r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i <= r.nextInt(3); i++) {
      out.add(r.nextInt(5) == 0 ? "fd00::" + Integer.toHexString(r.nextInt(4) * 8) + "/" + (125 + r.nextInt(4))
          : r.nextInt(12) == 0 ? "0.0.0.0/32" : "10.0." + r.nextInt(3) + "." + (r.nextInt(4) * 64 + (r.nextBoolean() ? 0 : 56))
              + "/" + (28 + r.nextInt(5)));
    }
    return String.join(",", out);
  }

  private static String ranges(Random r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i <= r.nextInt(3); i++) {
      if (r.nextInt(5) == 0) {
        int start = r.nextInt(20);
        out.add("fd00::" + Integer.toHexString(start) + "-fd00::" + Integer.toHexString(start + r.nextInt(6)));
      } else {
        int start = 250 + r.nextInt(6);
        int end = start + r.nextInt(12);
        out.add("10.0.0." + start + "-10.0." + (end / 256) + "." + (end % 256));
      }
    }
    return String.join(",", out);
  }

  private static VipAddress randomAddress(Random r) {
    return r.nextInt(4) == 0 ? VipAddress.parse("fd00::" + Integer.toHexString(r.nextInt(20)))
        : VipAddress.parse("10.0." + r.nextInt(2) + "." + (1 + r.nextInt(254)));
  }

  private static String ns(Random r) {
    return List.of("a", "b", "c").get(r.nextInt(3));
  }

  private static Set<ServicePort> ports(Random r) {
    Set<ServicePort> ports = new HashSet<>();
    for (int i = 0; i < r.nextInt(3); i++) {
      ports.add(r.nextBoolean() ? ServicePort.tcp(80 + r.nextInt(3)) : ServicePort.udp(53));
    }
    return ports;
  }

  private static AllocationRequest randomRequest(Random r, int op) {
    IpFamilyPolicy policy = IpFamilyPolicy.values()[r.nextInt(3)];
    List<IpFamily> families = switch (r.nextInt(4)) {
      case 0 -> List.of();
      case 1 -> List.of(IpFamily.IPV6);
      case 2 -> List.of(IpFamily.IPV4, IpFamily.IPV6);
      default -> List.of(IpFamily.IPV4);
    };
    return new AllocationRequest(new ServiceRef(ns(r), "s" + op, ""), families, policy, ports(r));
  }
}
