// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class LabReportTest {
  private static final LabSettings SETTINGS = new LabSettings(3, false, false, Duration.ofSeconds(3),
      Duration.ofSeconds(2), Duration.ofMillis(500), Path.of("kubevip.jar"), Path.of("/tmp"));

  private static final List<EventResult> EVENTS = List.of(
      new EventResult("crash node1", "node1", "node2", 3120L, 190, 0, 3050L, 3060L, true, ""),
      new EventResult("stop node2", "node2", null, null, 12, 2, null, null, false, "no new owner within 13 s"));

  @Test
  void givenEvents_whenJson_thenOneObjectWithFailoverPerEventAndTwoOwnerSamples() {
    JsonNode root = new ObjectMapper().readTree(new LabReport(SETTINGS, List.of("kl0001-lan"), EVENTS, 42, java.util.Map.of("PUT leases", 40L)).json());

    assertThat(root.get("settings").get("lease_ms").asLong()).isEqualTo(3000);
    assertThat(root.get("events")).hasSize(2);
    assertThat(root.get("events").get(0).get("failover_ms").asLong()).isEqualTo(3120);
    assertThat(root.get("events").get(1).get("failover_ms").isNull()).isTrue();
    assertThat(root.get("events").get(1).get("two_owner_samples").asInt()).isEqualTo(2);
    assertThat(root.get("api_writes").asLong()).isEqualTo(42);
    assertThat(root.get("api_writes_by_resource").get("PUT leases").asLong()).isEqualTo(40);
    assertThat(root.get("ok").asBoolean()).isFalse();
  }

  @Test
  void givenEvents_whenTable_thenSettingsHeaderAndOneRowPerEvent() {
    String table = new LabReport(SETTINGS, List.of(), EVENTS, 42, java.util.Map.of()).table();

    assertThat(table).contains("lease 3000 ms / renew 2000 ms / retry 500 ms");
    assertThat(table.lines().filter(l -> l.startsWith("crash node1")).findFirst()).hasValueSatisfying(
        l -> assertThat(l).contains("node2").contains("3120").contains("yes"));
    assertThat(table.lines().filter(l -> l.startsWith("stop node2")).findFirst()).hasValueSatisfying(
        l -> assertThat(l).contains("NO").contains("no new owner"));
  }
}
