// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.TableRoute;
import io.kubevip.ports.out.RouteTablePort;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A kernel routing table in memory, all tables at once, listing filtered by (table, protocol) as the kernel does. */
public final class FakeRouteTablePort implements RouteTablePort {
  private final CallLog log;
  private final Set<TableRoute> routes = new TreeSet<>();

  public FakeRouteTablePort() {
    this(new CallLog());
  }

  /** Records into {@code log}, shared with other fakes to assert the order of calls across ports. */
  public FakeRouteTablePort(CallLog log) {
    this.log = log;
  }

  @Override
  public synchronized void add(TableRoute route) {
    log.record(RecordedCall.of("route.add", route));
    routes.add(route);
  }

  @Override
  public synchronized void remove(TableRoute route) {
    log.record(RecordedCall.of("route.remove", route));
    routes.remove(route);
  }

  @Override
  public synchronized Set<TableRoute> list(int table, int protocol) {
    log.record(RecordedCall.of("route.list", table, protocol));
    return routes.stream().filter(r -> r.table() == table && r.protocol() == protocol).collect(Collectors.toUnmodifiableSet());
  }

  public CallLog log() {
    return log;
  }
}
