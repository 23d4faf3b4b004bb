// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.domain;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.placement.Placement;
import io.kubevip.domain.placement.PlacementRequest;
import io.kubevip.domain.placement.RendezvousPlacement;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
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

/** Placing 10,000 VIPs over 100 nodes: from scratch, and again after one node left (issue: foundation). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PlacementBenchmark {
  private final RendezvousPlacement placement = new RendezvousPlacement();
  private PlacementRequest fromScratch;
  private PlacementRequest afterNodeLeft;

  @Setup
  public void setUp() throws UnknownHostException {
    List<VipAddress> vips = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      vips.add(VipAddress.of(InetAddress.getByAddress(new byte[] {10, 96, (byte) (i >> 8), (byte) i})));
    }
    List<NodeId> nodes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      nodes.add(new NodeId("node-" + i));
    }
    fromScratch = PlacementRequest.of(vips, nodes);
    Placement before = placement.place(fromScratch);
    afterNodeLeft = PlacementRequest.of(vips, nodes.subList(1, nodes.size())).withCurrentOwners(before.owners());
  }

  @Benchmark
  public Placement place10kOver100FromScratch() {
    return placement.place(fromScratch);
  }

  @Benchmark
  public Placement replace10kAfterOneOf100Left() {
    return placement.place(afterNodeLeft);
  }
}
