// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.bgp;

import io.kubevip.adapter.bgp.PeerStatus;
import io.kubevip.adapter.bgp.SessionState;
import io.kubevip.adapter.bgp.bfd.BfdState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The speaker's meters, read from its status at scrape time so nothing in the session threads has to know about
 * metrics. {@code kube_vip_manager_bgp_session_info{state,peer}} keeps kube-vip's name: one series per peer, for the
 * current FSM state (an Info metric, since the Prometheus client reserves the {@code _info} suffix for them). The
 * counters and the BFD gauge are {@code kubevip_bgp_*}: kube-vip does not measure them.
 */
public final class BgpMeters {
  private BgpMeters() {}

  /** Registers the counters and gauges for every configured peer on {@code registry}. */
  public static void register(MeterRegistry registry, BgpSessions sessions) {
    List<PeerStatus> peers = sessions.status();
    for (int i = 0; i < peers.size(); i++) {
      String peer = peers.get(i).peer();
      int index = i;
      counter(registry, "kubevip_bgp_updates_sent", "UPDATE messages sent to the peer", peer, sessions, index,
          PeerStatus::updatesSent);
      counter(registry, "kubevip_bgp_updates_received", "UPDATE messages received from the peer", peer, sessions,
          index, PeerStatus::updatesReceived);
      counter(registry, "kubevip_bgp_session_flaps", "Times an Established session went down", peer, sessions, index,
          BgpMeters::flaps);
      Gauge.builder("kubevip_bgp_established", sessions, s -> at(s, index).state() == SessionState.ESTABLISHED ? 1 : 0)
          .description("1 while the session is Established").tag("peer", peer).register(registry);
      for (BfdState state : BfdState.values()) {
        Gauge.builder("kubevip_bgp_bfd_state", sessions, s -> at(s, index).bfd() == state ? 1 : 0)
            .description("1 for the current BFD state of the peer (no series is 1 while BFD is off)")
            .tag("peer", peer).tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry);
      }
    }
  }

  /** kube-vip's session gauge as a Prometheus collector; register it on the registry Micrometer exports. */
  public static Collector sessionInfo(BgpSessions sessions) {
    return new Collector() {
      @Override
      public MetricSnapshot collect() {
        InfoSnapshot.Builder b = InfoSnapshot.builder().name("kube_vip_manager_bgp_session")
            .help("BGP session state per peer: 1 for the current state");
        for (PeerStatus s : sessions.status()) {
          b.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
              .labels(Labels.of("peer", s.peer(), "state", stateName(s.state()))).build());
        }
        return b.build();
      }

      @Override
      public String getPrometheusName() {
        return "kube_vip_manager_bgp_session";
      }
    };
  }

  /** RFC 4271 state names as GoBGP spells them in kube-vip's metric. */
  static String stateName(SessionState state) {
    return switch (state) {
      case IDLE -> "idle";
      case CONNECT -> "connect";
      case OPEN_SENT -> "opensent";
      case OPEN_CONFIRM -> "openconfirm";
      case ESTABLISHED -> "established";
    };
  }

  static long flaps(PeerStatus s) {
    return Math.max(0, s.establishedCount() - (s.state() == SessionState.ESTABLISHED ? 1 : 0));
  }

  private static void counter(MeterRegistry registry, String name, String help, String peer, BgpSessions sessions,
      int index, ToDoubleFunction<PeerStatus> value) {
    FunctionCounter.builder(name, sessions, s -> value.applyAsDouble(at(s, index))).description(help)
        .tag("peer", peer).register(registry);
  }

  private static PeerStatus at(BgpSessions sessions, int index) {
    return sessions.status().get(index);
  }
}
