// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.services.ServicesNode;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the Services side: UP once the watch has delivered the cluster's state (before that this node would
 * plan from nothing), DOWN before start and while shutting down. Details name the {@code svc_leasename} holder, the
 * live nodes and what this node announces.
 */
final class ServicesHealthIndicator implements HealthIndicator {
  private final ServicesNode node;

  ServicesHealthIndicator(ServicesNode node) {
    this.node = node;
  }

  @Override
  public Health health() {
    ServicesNode.Status s = node.status();
    Health.Builder b = s.started() && !s.stopping() && s.synced() ? Health.up() : Health.down();
    return b.withDetail("synced", s.synced())
        .withDetail("leaseHolder", s.leaseHolder().map(Object::toString).orElse(""))
        .withDetail("allocating", s.allocating())
        .withDetail("liveNodes", s.liveNodes().stream().map(Object::toString).sorted().toList())
        .withDetail("selfValid", s.selfValid())
        .withDetail("announced", s.announced())
        .withDetail("waiting", s.waiting().stream().map(Object::toString).sorted().toList())
        .build();
  }
}
