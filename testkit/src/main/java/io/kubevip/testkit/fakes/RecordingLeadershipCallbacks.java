// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.ports.out.LeadershipCallbacks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Leadership callbacks as a list of strings ({@code started}, {@code stopped}, {@code leader:<id>}), thread-safe. */
public final class RecordingLeadershipCallbacks implements LeadershipCallbacks {
  private final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void onStartedLeading() {
    events.add("started");
  }

  @Override
  public void onStoppedLeading() {
    events.add("stopped");
  }

  @Override
  public void onNewLeader(String identity) {
    events.add("leader:" + identity);
  }

  public List<String> events() {
    return List.copyOf(events);
  }

  /** True when the last started/stopped event was "started". */
  public boolean leading() {
    List<String> e = events().stream().filter(s -> s.equals("started") || s.equals("stopped")).toList();
    return !e.isEmpty() && e.get(e.size() - 1).equals("started");
  }
}
