// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.bgp;

import io.kubevip.adapter.bgp.PeerStatus;
import io.kubevip.adapter.bgp.SessionState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code bgp} health contributor: per-peer session details for operators. UP while at least one peer is
 * Established (or none is configured), otherwise DOWN; it is not in the readiness group, so a router that is away
 * does not take the node out of service.
 */
public final class BgpHealthIndicator implements HealthIndicator {
  private final BgpSessions sessions;
  private final Supplier<?> advertised;

  /** @param advertised what is meant to be advertised (shown in the details) */
  public BgpHealthIndicator(BgpSessions sessions, Supplier<?> advertised) {
    this.sessions = sessions;
    this.advertised = advertised;
  }

  @Override
  public Health health() {
    Map<String, Object> peers = new LinkedHashMap<>();
    boolean anyUp = false;
    boolean any = false;
    for (PeerStatus s : sessions.status()) {
      any = true;
      anyUp |= s.state() == SessionState.ESTABLISHED;
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("state", BgpMeters.stateName(s.state()));
      d.put("establishedCount", s.establishedCount());
      d.put("flaps", BgpMeters.flaps(s));
      d.put("updatesSent", s.updatesSent());
      d.put("updatesReceived", s.updatesReceived());
      if (s.holdTime() != null) {
        d.put("holdTime", seconds(s.holdTime()));
        d.put("keepalive", seconds(s.keepalive()));
      }
      d.put("bfd", s.bfd() == null ? "off" : s.bfd().name().toLowerCase(Locale.ROOT));
      if (s.lastReceived() != null) {
        d.put("lastNotificationReceived", s.lastReceived().toString());
      }
      if (s.lastSent() != null) {
        d.put("lastNotificationSent", s.lastSent().toString());
      }
      peers.put(s.peer(), d);
    }
    Health.Builder b = !any || anyUp ? Health.up() : Health.down();
    return b.withDetail("peers", peers).withDetail("advertised", String.valueOf(advertised.get())).build();
  }

  private static String seconds(Duration d) {
    return d == null ? "" : d.toSeconds() + "s";
  }
}
