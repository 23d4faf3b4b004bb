// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ClusterWatchListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns "object with key K changed" into listener calls, level-triggered: it always reads the informer store's
 * current object for K (absent means deleted) and compares with what it delivered last, so duplicate, late or
 * reordered informer notifications deliver nothing new, and the listener sees each real change once.
 *
 * <p>Every EndpointSlice is delivered under its own name (never merged, never only the latest), except slices of
 * Services known not to be ours; when a Service becomes ours its slices follow, when it leaves the filter they are
 * withdrawn. A deleted Service's slices stay until the API server deletes them.
 *
 * <p>Threading: confined to the subscription's dispatcher thread.
 */
final class ClusterDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterDelivery.class);

  /** Read access to the informer caches. */
  interface Stores {
    Service service(String key);

    EndpointSlice slice(String key);

    /** Keys of the slices labelled with Service {@code serviceKey}. */
    List<String> sliceKeysOf(String serviceKey);

    Node node(String key);

    ConfigMap poolConfigMap();
  }

  private final Stores stores;
  private final ServiceWatchSettings settings;
  private final ClusterWatchListener listener;
  private final Map<String, ServiceIntent> services = new HashMap<>();
  private final Map<String, String> rejections = new HashMap<>();
  /** uid and reason of the other-class Services reported as ignored, by key. */
  private final Map<String, String> ignored = new HashMap<>();
  private final Map<String, Optional<NodeId>> hosts = new HashMap<>();
  private final Map<String, EndpointNodes> slices = new HashMap<>();
  private final Map<String, NodeInfo> nodes = new HashMap<>();
  private Map<String, String> poolData;

  ClusterDelivery(Stores stores, ServiceWatchSettings settings, ClusterWatchListener listener) {
    this.stores = stores;
    this.settings = settings;
    this.listener = listener;
  }

  void serviceChanged(String key) {
    Service svc = stores.service(key);
    if (svc == null) {
      ignored.remove(key);
      dropService(key);
      return;
    }
    Translation t = ServiceTranslator.translate(svc, settings);
    if (!(t instanceof Translation.Skipped s && s.reason() == SkipReason.OTHER_CLASS)) {
      ignored.remove(key);
    }
    if (t instanceof Translation.Accepted a) {
      rejections.remove(key);
      ServiceIntent prev = services.get(key);
      if (prev != null && !prev.service().equals(a.service())) {
        dropService(key); // re-created under the same name: the old one is gone
        prev = null;
      }
      services.put(key, a.intent());
      if (!a.intent().equals(prev)) {
        listener.serviceUpserted(a.intent());
      }
      Optional<NodeId> host = vipHost(svc);
      if (!host.equals(hosts.getOrDefault(key, Optional.empty()))) {
        listener.serviceHostChanged(a.service(), host);
      }
      hosts.put(key, host);
      if (prev == null) {
        stores.sliceKeysOf(key).forEach(this::sliceChanged);
      }
    } else if (t instanceof Translation.Skipped s) {
      LOG.debug("service {} skipped: reason={} {}", key, s.reason(), s.detail());
      dropService(key);
      if (s.reason() == SkipReason.OTHER_CLASS) {
        String note = s.service().uid() + " " + s.detail();
        if (!note.equals(ignored.put(key, note))) {
          listener.serviceIgnored(s.service(), "ignored: " + s.detail()
              + " (kube-vip serves only its own class; another load-balancer implementation serves this one)");
        }
      }
    } else if (t instanceof Translation.Rejected r) {
      if (!r.problem().equals(rejections.put(key, r.problem()))) {
        LOG.warn("service {} rejected, keeping its last good state: {}", key, r.problem());
        listener.serviceRejected(r.service(), r.problem());
      }
    }
  }

  // kube-vip.io/vipHost as a node name; a value no node can have counts as absent.
  private static Optional<NodeId> vipHost(Service svc) {
    Map<String, String> annotations = svc.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(KubeVipAnnotations.VIP_HOST);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(NodeId.of(value.trim()));
    } catch (IllegalArgumentException e) {
      LOG.debug("service {}/{}: ignoring {}: {}", svc.getMetadata().getNamespace(), svc.getMetadata().getName(),
          KubeVipAnnotations.VIP_HOST, e.getMessage());
      return Optional.empty();
    }
  }

  private void dropService(String key) {
    rejections.remove(key);
    hosts.remove(key);
    ServiceIntent prev = services.remove(key);
    if (prev == null) {
      return;
    }
    // Slices reach the informer on another watch: bring them up to date first, so a slice written before the
    // Service went is not reported after it.
    stores.sliceKeysOf(key).forEach(this::sliceChanged);
    listener.serviceDeleted(prev.service());
  }

  /**
   * Slices are delivered for every Service except those known not to be ours (in the cache and refused by the
   * filter, e.g. ClusterIP), so a slice never waits for, or races with, its Service's own notification.
   */
  void sliceChanged(String sliceKey) {
    EndpointSlice slice = stores.slice(sliceKey);
    Optional<ServiceRef> owner = slice == null ? Optional.empty() : ownerOf(slice);
    EndpointNodes prev = slices.get(sliceKey);
    if (owner.isEmpty()) {
      if (prev != null) {
        slices.remove(sliceKey);
        listener.endpointsDeleted(prev.service(), prev.sliceName());
      }
      return;
    }
    EndpointNodes now = EndpointSliceTranslator.translate(owner.get(), slice);
    if (prev != null && !prev.service().equals(now.service())) {
      listener.endpointsDeleted(prev.service(), prev.sliceName());
      prev = null;
    }
    if (!now.equals(prev)) {
      slices.put(sliceKey, now);
      listener.endpointsUpserted(now);
    }
  }

  private Optional<ServiceRef> ownerOf(EndpointSlice slice) {
    Optional<String> serviceKey = EndpointSliceTranslator.serviceKey(slice);
    if (serviceKey.isEmpty()) {
      return Optional.empty();
    }
    String key = serviceKey.get();
    Service cached = stores.service(key);
    if (cached != null && cached.getSpec() != null && ServiceFilter.select(settings, cached.getSpec().getType(),
        cached.getSpec().getLoadBalancerClass()) instanceof Selection.Skipped) {
      return Optional.empty();
    }
    String ns = key.substring(0, key.indexOf('/'));
    String name = key.substring(key.indexOf('/') + 1);
    String uid = EndpointSliceTranslator.ownerUid(slice, name)
        .orElse(cached == null || cached.getMetadata().getUid() == null ? "" : cached.getMetadata().getUid());
    ServiceIntent delivered = services.get(key);
    return Optional.of(delivered != null && delivered.service().uid().equals(uid)
        ? delivered.service() : new ServiceRef(ns, name, uid));
  }

  void nodeChanged(String key) {
    Node node = stores.node(key);
    NodeInfo prev = nodes.get(key);
    if (node == null) {
      if (prev != null) {
        nodes.remove(key);
        listener.nodeDeleted(prev.id());
      }
      return;
    }
    NodeInfo now;
    try {
      now = NodeTranslator.translate(node);
    } catch (RuntimeException e) {
      LOG.warn("node '{}' not usable: {}", key, e.getMessage());
      return;
    }
    if (!now.equals(prev)) {
      nodes.put(key, now);
      listener.nodeUpserted(now);
    }
  }

  /** The pool ConfigMap changed, appeared or went; also called once at sync so an absent one is reported. */
  void poolConfigChanged() {
    ConfigMap cm = stores.poolConfigMap();
    Map<String, String> data = cm == null || cm.getData() == null ? Map.of() : Map.copyOf(cm.getData());
    if (data.equals(poolData)) {
      return;
    }
    poolData = data;
    PoolConfig config = PoolConfig.parse(cm == null ? null : data);
    config.problems().forEach(p -> LOG.warn("ConfigMap {}/{}: {}", settings.poolConfigMapNamespace(),
        settings.poolConfigMapName(), p));
    listener.poolConfigChanged(config);
  }
}
