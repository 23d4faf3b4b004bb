// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.testkit.netns.Json;
import io.kubevip.testkit.netns.Shell;
import io.kubevip.testkit.netns.Topology;
import io.kubevip.testkit.netns.NetnsTopology;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interop with GoBGP (what kube-vip itself embeds) as the router in n1; our speaker in n2. */
@NetnsTopology(nodes = 2, client = false)
class GobgpInteropPrivilegedIT {
  private static final String ROUTER = "n1";
  private static Process gobgpd;
  private static Path dir;

  @BeforeAll
  static void startGobgpd(Topology t, @TempDir Path tmp) throws Exception {
    dir = tmp;
    String conf = """
        [global.config]
          as = 65000
          router-id = "10.99.0.11"
          local-address-list = ["10.99.0.11"]
        [[neighbors]]
          [neighbors.config]
            neighbor-address = "10.99.0.12"
            peer-as = 65001
          [neighbors.timers.config]
            connect-retry = 1
            hold-time = 3
            keepalive-interval = 1
          [[neighbors.afi-safis]]
            [neighbors.afi-safis.config]
              afi-safi-name = "ipv4-unicast"
          [[neighbors.afi-safis]]
            [neighbors.afi-safis.config]
              afi-safi-name = "ipv6-unicast"
        """;
    Files.writeString(dir.resolve("gobgpd.toml"), conf);
    gobgpd = new ProcessBuilder("ip", "netns", "exec", t.ns(ROUTER), "gobgpd", "-f",
        dir.resolve("gobgpd.toml").toString(), "-t", "toml", "--api-hosts", "127.0.0.1:50051")
        .redirectErrorStream(true).redirectOutput(dir.resolve("gobgpd.log").toFile()).start();
    await().atMost(Duration.ofSeconds(10)).until(() -> gobgp(t, "global").exitCode() == 0);
  }

  @AfterAll
  static void stopGobgpd() throws Exception {
    if (gobgpd != null) {
      System.out.println("---- gobgpd.log ----\n" + Files.readString(dir.resolve("gobgpd.log")));
      gobgpd.destroy();
      if (!gobgpd.waitFor(5, TimeUnit.SECONDS)) {
        gobgpd.destroyForcibly();
      }
    }
  }

  private static Shell.Result gobgp(Topology t, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("ip", "netns", "exec", t.ns(ROUTER), "gobgp", "-u",
        "127.0.0.1", "-p", "50051", "-j"));
    cmd.addAll(List.of(args));
    return Shell.run(cmd);
  }

  @SuppressWarnings("unchecked")
  private static String nextHopIn(Topology t, String family, String prefix) {
    String out = gobgp(t, "global", "rib", "-a", family).requireSuccess().stdout();
    Map<String, Object> rib = (Map<String, Object>) Json.parse(out);
    Object paths = rib.get(prefix);
    if (!(paths instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    for (Object a : (List<Object>) ((Map<String, Object>) list.get(0)).get("attrs")) {
      Map<String, Object> attr = (Map<String, Object>) a;
      if (attr.get("nexthop") != null) {
        return String.valueOf(attr.get("nexthop"));
      }
      if (attr.get("value") instanceof Map<?, ?> v && v.get("nexthop") != null) {
        return String.valueOf(v.get("nexthop"));
      }
    }
    return "?";
  }

  @Test
  void givenGobgpRouter_whenVipsAdvertised_thenInItsRibWithOurNextHopAndGoneAfterWithdraw(Topology t) {
    BgpSpeakerConfig cfg = BgpSpeakerConfig.of(65001, (Inet4Address) TestPeer.ip("10.99.0.12"))
        .withConnectRetry(Duration.ofMillis(200), Duration.ofSeconds(1));
    BgpPeerConfig peer = BgpPeerConfig.builder(TestPeer.ip("10.99.0.11"), 65000).holdTime(Duration.ofSeconds(3))
        .nextHopIpv6((Inet6Address) TestPeer.ip("fd99::12")).build();
    try (BgpSpeaker s = new BgpSpeaker(cfg, List.of(peer), Namespaced.opener(t, "n2")).start()) {
      await().atMost(Duration.ofSeconds(20)).until(() -> s.status().get(0).state() == SessionState.ESTABLISHED);
      s.advertise(Set.of(VipAddress.parse("10.99.100.1"), VipAddress.parse("fd99:100::1")));
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
          .until(() -> "10.99.0.12".equals(nextHopIn(t, "ipv4", "10.99.100.1/32")));
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
          .until(() -> "fd99::12".equals(nextHopIn(t, "ipv6", "fd99:100::1/128")));
      s.withdraw(Set.of(VipAddress.parse("10.99.100.1")));
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
          .until(() -> nextHopIn(t, "ipv4", "10.99.100.1/32") == null);
      assertThat(nextHopIn(t, "ipv6", "fd99:100::1/128")).isEqualTo("fd99::12");
    }
  }
}
