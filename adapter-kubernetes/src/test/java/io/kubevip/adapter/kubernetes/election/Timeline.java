// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records election callbacks of several nodes in order, with monotonic timestamps. */
final class Timeline {
  record Event(String node, String what, long nanos) {}

  final List<Event> events = new CopyOnWriteArrayList<>();

  LeaseElector.Listener listener(String node) {
    return new LeaseElector.Listener() {
      @Override
      public void onStartedLeading() {
        events.add(new Event(node, "started", System.nanoTime()));
      }

      @Override
      public void onStoppedLeading() {
        events.add(new Event(node, "stopped", System.nanoTime()));
      }
    };
  }

  Optional<Event> first(String node, String what) {
    return events.stream().filter(e -> e.node().equals(node) && e.what().equals(what)).findFirst();
  }

  long count(String what) {
    return events.stream().filter(e -> e.what().equals(what)).count();
  }

  /** Leaders at the end of the timeline: started minus stopped per node. */
  List<String> leaders() {
    return events.stream().map(Event::node).distinct()
        .filter(n -> events.stream().filter(e -> e.node().equals(n)).reduce((a, b) -> b).map(e -> e.what().equals("started")).orElse(false))
        .toList();
  }

  /** True if at no point two nodes were leading at once. */
  boolean neverTwoLeaders() {
    java.util.Set<String> leading = new java.util.HashSet<>();
    for (Event e : events) {
      if (e.what().equals("started")) {
        leading.add(e.node());
        if (leading.size() > 1) {
          return false;
        }
      } else {
        leading.remove(e.node());
      }
    }
    return true;
  }
}
