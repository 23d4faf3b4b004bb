// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServiceIntent;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every node judges the Services in the same order: a snapshot iterates them by key whatever map it was built from. */
class ClusterStateTest {
  @Test
  void givenServicesInAHashMap_whenSnapshotted_thenIteratedByKeyAndFoundByKey() {
    Map<String, ServiceIntent> services = new HashMap<>();
    IntStream.range(0, 300).forEach(i -> {
      ServiceIntent s = Svc.of(i % 2 == 0 ? "b" : "a", "svc-" + i).build();
      services.put(s.service().key(), s);
    });

    ClusterState state = new ClusterState(services, Map.of(), Map.of(), PoolConfig.parse(null), Map.of(), true);

    assertThat(java.util.List.copyOf(state.services().keySet())).isSorted().hasSize(300);
    assertThat(state.services().get("a/svc-7").service().name()).isEqualTo("svc-7");
  }
}
