package io.kubevip.domain.pool;

import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TmpTimingTest {
  @Test
  void time() {
    PoolConfig c = PoolConfig.parse(java.util.Map.of("cidr-global", "10.20.0.0/16"));
    AllocationRequest[] reqs = new AllocationRequest[10_000];
    for (int i = 0; i < reqs.length; i++) {
      reqs[i] = AllocationRequest.ipv4(new ServiceRef("ns", "s" + i, ""), Set.of(ServicePort.tcp(80)));
    }
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime();
      AllocationSession s = Allocator.session(c, List.of());
      for (AllocationRequest r : reqs) {
        s.allocate(r);
      }
      System.out.println("round " + round + ": " + (System.nanoTime() - t0) / 1_000_000.0 + " ms");
    }
    PoolConfig share = PoolConfig.parse(java.util.Map.of("cidr-global", "10.20.0.0/16", "allow-share-global", "true"));
    long t0 = System.nanoTime();
    AllocationSession s = Allocator.session(share, List.of());
    for (AllocationRequest r : reqs) {
      s.allocate(r);
    }
    System.out.println("share-enabled (all clash): " + (System.nanoTime() - t0) / 1_000_000.0 + " ms");
  }
}
