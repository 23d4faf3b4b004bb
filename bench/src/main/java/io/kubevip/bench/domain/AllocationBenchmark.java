// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.domain;

import io.kubevip.domain.pool.AllocationRequest;
import io.kubevip.domain.pool.Allocated;
import io.kubevip.domain.pool.AllocationSession;
import io.kubevip.domain.pool.Allocator;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Allocating addresses for 10,000 Services, one after another, from one /16 global pool (issue: foundation). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AllocationBenchmark {
  static final int SERVICES = 10_000;

  private PoolConfig pools;
  private List<AllocationRequest> requests;

  @Setup
  public void setUp() {
    pools = PoolConfig.parse(Map.of("cidr-global", "10.96.0.0/16"));
    Set<ServicePort> ports = Set.of(ServicePort.tcp(80));
    requests = java.util.stream.IntStream.range(0, SERVICES)
        .mapToObj(i -> AllocationRequest.ipv4(new ServiceRef("ns" + (i % 50), "svc-" + i, "uid-" + i), ports))
        .toList();
  }

  /** One sample = the whole run of 10,000 allocations into an empty in-use set. */
  @Benchmark
  public int allocate10kFromSlash16() {
    AllocationSession session = Allocator.session(pools, List.of());
    int ok = 0;
    for (AllocationRequest r : requests) {
      if (session.allocate(r) instanceof Allocated) {
        ok++;
      }
    }
    if (ok != SERVICES) {
      throw new IllegalStateException("only " + ok + " of " + SERVICES + " allocated");
    }
    return ok;
  }
}
