// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.TableRoute;
import io.kubevip.ports.out.RouteTablePort;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A kernel routing table in memory, all tables at once, listing filtered by (table, protocol) as the kernel does. */
public final class FakeRouteTablePort implements RouteTablePort {
  private final CallLog log = new CallLog();
  private final Set<TableRoute> routes = new TreeSet<>();

  @Override
  public synchronized void add(TableRoute route) {
    log.record(RecordedCall.of("add", route));
    routes.add(route);
  }

  @Override
  public synchronized void remove(TableRoute route) {
    log.record(RecordedCall.of("remove", route));
    routes.remove(route);
  }

  @Override
  public synchronized Set<TableRoute> list(int table, int protocol) {
    log.record(RecordedCall.of("list", table, protocol));
    return routes.stream().filter(r -> r.table() == table && r.protocol() == protocol).collect(Collectors.toUnmodifiableSet());
  }

  public CallLog log() {
    return log;
  }
}
