// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.controlplane.ControlPlaneNode;
import io.kubevip.app.controlplane.ControlPlaneSettings;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the control plane: UP while this node campaigns (leader or follower both are healthy), DOWN before
 * the campaign started, after it stopped, and while leadership is given up for a down link. Details show the role,
 * the holder and any other host seen answering for our VIPs.
 */
final class ControlPlaneHealthIndicator implements HealthIndicator {
  private final ControlPlaneNode node;
  private final ControlPlaneSettings settings;

  ControlPlaneHealthIndicator(ControlPlaneNode node, ControlPlaneSettings settings) {
    this.node = node;
    this.settings = settings;
  }

  @Override
  public Health health() {
    ControlPlaneNode.Status s = node.status();
    Health.Builder b = s.campaigning() ? Health.up() : Health.down();
    return b.withDetail("role", s.leading() ? "leader" : "follower")
        .withDetail("lease", settings.lease().toString())
        .withDetail("holder", s.holder().orElse(""))
        .withDetail("vips", settings.vips().stream().map(Object::toString).toList())
        .withDetail("interface", settings.iface().name())
        .withDetail("vipState", s.leading() ? "served" : "withdrawn")
        .withDetail("linkDown", s.linkDown())
        .withDetail("givenUpFor", s.givenUpFor())
        .withDetail("duplicateMacs", s.duplicates())
        .build();
  }
}
