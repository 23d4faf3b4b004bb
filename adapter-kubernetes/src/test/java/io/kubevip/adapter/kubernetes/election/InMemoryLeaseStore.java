// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** One shared Lease in memory; {@link #view()} gives each node its own connection that can be partitioned. */
final class InMemoryLeaseStore {
  private Optional<LeaseSnapshot> lease = Optional.empty();
  private long version;
  private final List<View> views = new ArrayList<>();

  synchronized View view() {
    View v = new View();
    views.add(v);
    return v;
  }

  final class View implements LeaseStore {
    final AtomicBoolean partitioned = new AtomicBoolean();
    private Consumer<Optional<LeaseSnapshot>> watcher;

    private void check() {
      if (partitioned.get()) {
        throw new IllegalStateException("connection refused (partitioned in test)");
      }
    }

    @Override
    public Optional<LeaseSnapshot> get() {
      check();
      synchronized (InMemoryLeaseStore.this) {
        return lease;
      }
    }

    @Override
    public LeaseSnapshot create(LeaseSnapshot desired) {
      check();
      synchronized (InMemoryLeaseStore.this) {
        if (lease.isPresent()) {
          throw new ConflictException("exists");
        }
        return write(desired);
      }
    }

    @Override
    public LeaseSnapshot update(LeaseSnapshot desired) {
      check();
      synchronized (InMemoryLeaseStore.this) {
        if (lease.isEmpty() || !lease.get().resourceVersion().equals(desired.resourceVersion())) {
          throw new ConflictException("stale resourceVersion " + desired.resourceVersion());
        }
        return write(desired);
      }
    }

    @Override
    public AutoCloseable watch(Consumer<Optional<LeaseSnapshot>> onChange) {
      watcher = onChange;
      return () -> watcher = null;
    }

    @Override
    public void close() {}
  }

  private LeaseSnapshot write(LeaseSnapshot d) {
    LeaseSnapshot s = new LeaseSnapshot(d.holder(), d.leaseDuration(), d.acquireTime(), d.renewTime(), d.transitions(),
        Long.toString(++version));
    lease = Optional.of(s);
    for (View v : views) {
      Consumer<Optional<LeaseSnapshot>> w = v.watcher;
      if (w != null && !v.partitioned.get()) {
        w.accept(lease);
      }
    }
    return s;
  }
}
