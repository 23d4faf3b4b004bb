// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonitorLinesTest {
  @Test
  void givenPingReplyLine_whenParsed_thenReplyWithMicrosecondTimestampAndSequence() {
    assertThat(MonitorLines.ping("[1795670927.676417] 64 bytes from 10.99.0.50: icmp_seq=2 ttl=64 time=0.050 ms"))
        .contains(new MonitorLines.Ping(1795670927676417L, 2, true));
  }

  @Test
  void givenNoAnswerOrUnreachableLine_whenParsed_thenProbeWithoutReply() {
    assertThat(MonitorLines.ping("[1795670927.7363] no answer yet for icmp_seq=1"))
        .contains(new MonitorLines.Ping(1795670927736300L, 1, false));
    assertThat(MonitorLines.ping("[1795670927.736367] From 10.99.0.100 icmp_seq=7 Destination Host Unreachable"))
        .contains(new MonitorLines.Ping(1795670927736367L, 7, false));
  }

  @Test
  void givenPingBannerOrStatistics_whenParsed_thenEmpty() {
    assertThat(MonitorLines.ping("PING 10.99.0.50 (10.99.0.50) 56(84) bytes of data.")).isEmpty();
    assertThat(MonitorLines.ping("3 packets transmitted, 3 received, 0% packet loss, time 20ms")).isEmpty();
  }

  @Test
  void givenNeighLines_whenParsedForTheVip_thenMacStateAndDeletion() {
    assertThat(MonitorLines.neigh("10.99.0.50 dev eth0 lladdr 4e:dd:a5:14:09:4c REACHABLE", "10.99.0.50"))
        .contains(new MonitorLines.Neigh("10.99.0.50", "4e:dd:a5:14:09:4c", "REACHABLE", false));
    assertThat(MonitorLines.neigh("10.99.0.50 dev eth0  FAILED", "10.99.0.50"))
        .contains(new MonitorLines.Neigh("10.99.0.50", null, "FAILED", false));
    assertThat(MonitorLines.neigh("Deleted 10.99.0.50 dev eth0 lladdr 4e:dd:a5:14:09:4c STALE", "10.99.0.50"))
        .hasValueSatisfying(n -> assertThat(n.deleted()).isTrue());
    assertThat(MonitorLines.neigh("fd99::50 dev eth0 lladdr 4e:dd:a5:14:09:4c router REACHABLE", "fd99::50"))
        .hasValueSatisfying(n -> assertThat(n.mac()).isEqualTo("4e:dd:a5:14:09:4c"));
  }

  @Test
  void givenNeighLineForAnotherAddress_whenParsed_thenEmpty() {
    assertThat(MonitorLines.neigh("10.99.0.11 dev eth0 lladdr 4e:dd:a5:14:09:4c REACHABLE", "10.99.0.50")).isEmpty();
    assertThat(MonitorLines.neigh("10.99.0.500 dev eth0 lladdr 4e:dd:a5:14:09:4c REACHABLE", "10.99.0.50")).isEmpty();
  }

  @Test
  void givenOneLineAddressMonitorOutput_whenParsed_thenAddedOrDeleted() {
    String added = "2: eth0    inet 10.99.0.50/32 scope global eth0\\       valid_lft forever preferred_lft forever";
    assertThat(MonitorLines.addr(added, "10.99.0.50")).contains(new MonitorLines.Addr("eth0", "10.99.0.50", false));
    assertThat(MonitorLines.addr("Deleted " + added, "10.99.0.50"))
        .contains(new MonitorLines.Addr("eth0", "10.99.0.50", true));
    assertThat(MonitorLines.addr("2: eth0    inet6 fd99::50/128 scope global nodad \\  valid_lft forever", "fd99::50"))
        .contains(new MonitorLines.Addr("eth0", "fd99::50", false));
    assertThat(MonitorLines.addr(added, "10.99.0.5")).isEmpty();
  }
}
