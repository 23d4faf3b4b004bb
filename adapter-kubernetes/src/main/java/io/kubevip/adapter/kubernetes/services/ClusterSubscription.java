// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.SharedInformerFactory;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kubevip.ports.out.ClusterWatchListener;
import io.kubevip.ports.out.ClusterWatchPort;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link ClusterWatchPort#watch} subscription: one SharedInformerFactory with four informers (Services and
 * EndpointSlices of the watched namespace(s), Nodes, the pool ConfigMap by name), no per-Service watch.
 *
 * <p>Informer handlers only enqueue the changed object's key on a single dispatcher thread, which reads the current
 * cached object ({@link ClusterDelivery}). When all informers have listed, the dispatcher walks every store once and
 * then calls {@code synced()}: so the replay is complete before {@code synced()} whatever order the informers'
 * own notifications arrive in.
 */
final class ClusterSubscription implements ClusterWatchPort.Watch {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterSubscription.class);
  private static final String BY_SERVICE = "kubevip-service";
  /** No periodic resync: delivery is level-triggered and relists come from the informer itself. */
  private static final long NO_RESYNC = 0L;

  private final SharedInformerFactory factory;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<EndpointSlice> slices;
  private final SharedIndexInformer<Node> nodes;
  private final SharedIndexInformer<ConfigMap> configMaps;
  private final ClusterDelivery delivery;
  private final ClusterWatchListener listener;
  private final ServiceWatchSettings settings;
  private final ExecutorService dispatcher;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ServiceCopies copies;
  private final Source source = new Source();
  /** Our own accepted writes the informer has not shown yet, by key (see {@link ServiceCopies}). */
  private final Map<String, Written> written = new ConcurrentHashMap<>();

  private record Written(String baseVersion, Service service) {}

  private ClusterSubscription(KubernetesClient client, ServiceWatchSettings settings, ClusterWatchListener listener,
      ServiceCopies copies) {
    this.listener = listener;
    this.copies = copies;
    this.settings = settings;
    this.dispatcher = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "kubevip-cluster-watch");
      t.setDaemon(true);
      return t;
    });
    // The factory applies inNamespace/withName to the informers registered after it: cluster-wide ones first.
    factory = client.informers();
    nodes = factory.sharedIndexInformerFor(Node.class, NO_RESYNC);
    settings.serviceNamespace().ifPresent(factory::inNamespace);
    services = factory.sharedIndexInformerFor(Service.class, NO_RESYNC);
    slices = factory.sharedIndexInformerFor(EndpointSlice.class, NO_RESYNC);
    slices.addIndexers(Map.of(BY_SERVICE, s -> EndpointSliceTranslator.serviceKey(s).map(List::of).orElse(List.of())));
    configMaps = factory.inNamespace(settings.poolConfigMapNamespace()).withName(settings.poolConfigMapName())
        .sharedIndexInformerFor(ConfigMap.class, NO_RESYNC);
    delivery = new ClusterDelivery(new InformerStores(), settings, listener);
    services.addEventHandler(handler(delivery::serviceChanged));
    slices.addEventHandler(handler(delivery::sliceChanged));
    nodes.addEventHandler(handler(delivery::nodeChanged));
    configMaps.addEventHandler(handler(key -> delivery.poolConfigChanged()));
  }

  static ClusterSubscription start(KubernetesClient client, ServiceWatchSettings settings, ClusterWatchListener listener,
      ServiceCopies copies) {
    ClusterSubscription s = new ClusterSubscription(client, settings, listener, copies);
    copies.attach(s.source);
    s.startInformers();
    return s;
  }

  private void startInformers() {
    long started = System.nanoTime();
    CompletableFuture.allOf(
            services.start().toCompletableFuture(),
            slices.start().toCompletableFuture(),
            nodes.start().toCompletableFuture(),
            // Pools are the allocator's business: without RBAC on that ConfigMap the Services still get watched.
            configMaps.start().toCompletableFuture().exceptionally(e -> {
              LOG.error("cluster watch: cannot list ConfigMap {}/{} (needs get/list/watch on configmaps there);"
                  + " continuing without address pools: {}", settings.poolConfigMapNamespace(),
                  settings.poolConfigMapName(), e.getMessage());
              return null;
            }))
        .whenComplete((ok, error) -> {
          if (error != null) {
            if (!closed.get()) {
              LOG.error("cluster watch could not start its informers (services namespace {}): {}",
                  settings.serviceNamespace().orElse("<all>"), error.getMessage(), error);
            }
            return;
          }
          LOG.debug("cluster watch: informers listed in {} ms", (System.nanoTime() - started) / 1_000_000);
          dispatch("initial sync", this::replayAndSync);
        });
  }

  private void replayAndSync() {
    services.getStore().listKeys().forEach(delivery::serviceChanged);
    nodes.getStore().listKeys().forEach(delivery::nodeChanged);
    slices.getStore().listKeys().forEach(delivery::sliceChanged);
    delivery.poolConfigChanged();
    listener.synced();
  }

  private <T extends HasMetadata> ResourceEventHandler<T> handler(Consumer<String> onKey) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        changed(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        changed(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        changed(obj);
      }

      private void changed(T obj) {
        String key = Cache.metaNamespaceKeyFunc(obj);
        dispatch(obj.getKind() + " " + key, () -> onKey.accept(key));
      }
    };
  }

  private CompletableFuture<Void> dispatch(String what, Runnable task) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      dispatcher.execute(() -> {
        if (closed.get()) {
          done.complete(null);
          return;
        }
        try {
          task.run();
        } catch (RuntimeException e) {
          // One bad object or listener bug must not stop the watch: log and keep dispatching.
          LOG.error("cluster watch: handling {} failed: {}", what, e.toString(), e);
        } finally {
          done.complete(null);
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("cluster watch closed, dropping {}", what);
      done.complete(null);
    }
    return done;
  }

  // The informer's copy, or our accepted write on top of exactly that copy (strictly newer than it).
  private Service currentService(String key) {
    Service cached = services.getStore().getByKey(key);
    Written w = written.get(key);
    if (w == null) {
      return cached;
    }
    if (cached != null && cached.getMetadata() != null
        && w.baseVersion().equals(cached.getMetadata().getResourceVersion())) {
      return w.service();
    }
    written.remove(key, w); // the informer has moved on: our echo, a newer change, or a deletion
    return cached;
  }

  private final class Source implements ServiceCopies.Source {
    @Override
    public Service service(String key) {
      return currentService(key);
    }

    @Override
    public CompletableFuture<Void> written(String key, String baseVersion, Service service) {
      if (closed.get()) {
        return CompletableFuture.completedFuture(null);
      }
      ClusterSubscription.this.written.put(key, new Written(baseVersion, service));
      return dispatch("write of Service " + key, () -> delivery.serviceChanged(key));
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      copies.detach(source);
      written.clear();
      factory.stopAllRegisteredInformers();
      dispatcher.shutdownNow();
    }
  }

  private final class InformerStores implements ClusterDelivery.Stores {
    @Override
    public Service service(String key) {
      return currentService(key);
    }

    @Override
    public EndpointSlice slice(String key) {
      return slices.getStore().getByKey(key);
    }

    @Override
    public List<String> sliceKeysOf(String serviceKey) {
      return slices.getIndexer().byIndex(BY_SERVICE, serviceKey).stream().map(Cache::metaNamespaceKeyFunc).toList();
    }

    @Override
    public Node node(String key) {
      return nodes.getStore().getByKey(key);
    }

    @Override
    public ConfigMap poolConfigMap() {
      return configMaps.getStore().getByKey(settings.poolConfigMapNamespace() + "/" + settings.poolConfigMapName());
    }
  }
}
