// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.services;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.kubevip.lab.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's side of each Service's way to being announced, as a watch from the bench sees it: when the allocator's
 * address ({@code kube-vip.io/loadbalancerIPs}) and the owner's record ({@code kube-vip.io/vipHost}) first showed up.
 * Only for the breakdown of where time goes; "announced" itself comes from the interfaces ({@link AddressMonitor}).
 */
final class ServiceWatch implements AutoCloseable {
  static final String LB_IPS = "kube-vip.io/loadbalancerIPs";
  static final String VIP_HOST = "kube-vip.io/vipHost";

  private final Map<String, Long> allocated = new ConcurrentHashMap<>();
  private final Map<String, String> addresses = new ConcurrentHashMap<>();
  private final Map<String, Long> recorded = new ConcurrentHashMap<>();
  private final Watch watch;

  ServiceWatch(KubernetesClient client, String namespace) {
    watch = client.services().inNamespace(namespace).watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Service s) {
        long now = Clock.nowMicros();
        Map<String, String> ann = s.getMetadata().getAnnotations();
        if (ann == null) {
          return;
        }
        String name = s.getMetadata().getName();
        String ips = ann.get(LB_IPS);
        if (ips != null && !ips.isBlank()) {
          allocated.putIfAbsent(name, now);
          addresses.putIfAbsent(name, ips.split(",")[0].strip());
        }
        String host = ann.get(VIP_HOST);
        if (host != null && !host.isBlank()) {
          recorded.putIfAbsent(name, now);
        }
      }

      @Override
      public void onClose(WatcherException cause) {
        // the bench only loses its breakdown
      }
    });
  }

  Long allocatedAt(String name) {
    return allocated.get(name);
  }

  Long recordedAt(String name) {
    return recorded.get(name);
  }

  String address(String name) {
    return addresses.get(name);
  }

  int recordedCount() {
    return recorded.size();
  }

  @Override
  public void close() {
    watch.close();
  }
}
