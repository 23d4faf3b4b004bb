// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.LinkWatchPort;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Link watch callbacks as strings ({@code removed:192.0.2.20/32@eth0}, {@code dadfailed:<binding>},
 * {@code down:eth0}, {@code up:eth0}) with the thread each ran on; thread-safe.
 */
public final class RecordingLinkWatchListener implements LinkWatchPort.Listener {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<String> threads = new CopyOnWriteArrayList<>();

  public static String removed(VipBinding b) {
    return "removed:" + b;
  }

  public static String dadFailed(VipBinding b) {
    return "dadfailed:" + b;
  }

  public static String down(InterfaceName iface) {
    return "down:" + iface;
  }

  public static String up(InterfaceName iface) {
    return "up:" + iface;
  }

  @Override
  public void vipRemoved(VipBinding binding) {
    record(removed(binding));
  }

  @Override
  public void vipDadFailed(VipBinding binding) {
    record(dadFailed(binding));
  }

  @Override
  public void linkDown(InterfaceName iface) {
    record(down(iface));
  }

  @Override
  public void linkUp(InterfaceName iface) {
    record(up(iface));
  }

  private void record(String event) {
    threads.add(Thread.currentThread().getName());
    events.add(event);
  }

  public List<String> events() {
    return List.copyOf(events);
  }

  /** Names of the threads the callbacks ran on, in order. */
  public List<String> threads() {
    return List.copyOf(threads);
  }

  public void clear() {
    events.clear();
    threads.clear();
  }
}
