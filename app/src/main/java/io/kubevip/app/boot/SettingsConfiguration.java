// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.config.BgpPeer;
import io.kubevip.app.config.BgpPeerParser;
import io.kubevip.app.config.DataPlaneMode;
import io.kubevip.app.config.VipList;
import io.kubevip.app.settings.BgpSettings;
import io.kubevip.app.settings.KubevipSettings;
import io.kubevip.app.settings.LeaderElectionSettings;
import io.kubevip.app.settings.VipSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Maps the bound {@link KubevipProperties} tree once into immutable settings records. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KubevipProperties.class)
public class SettingsConfiguration {

  @Bean
  KubevipSettings kubevipSettings(KubevipProperties p, DataPlaneMode dataPlaneMode) {
    return toSettings(p, dataPlaneMode);
  }

  static KubevipSettings toSettings(KubevipProperties p, DataPlaneMode mode) {
    VipList vips = blank(p.vip().address()) ? new VipList(List.of(), List.of()) : VipList.parse(p.vip().address());
    VipSettings vip = new VipSettings(vips.addresses(), vips.dnsNames(), p.controlPlane().port(),
        orNull(p.vip().interfaceName()), orNull(p.services().interfaceName()), p.vip().skipDad());
    KubevipProperties.LeaderElection le = p.leaderElection();
    LeaderElectionSettings election = new LeaderElectionSettings(le.enabled(), p.namespace(), le.leaseName(),
        p.services().leaseName(), le.leaseDuration(), le.renewDeadline(), le.retryPeriod(), p.services().election());
    return new KubevipSettings(mode, p.controlPlane().enabled(), p.services().enabled(), nodeName(p.nodeName()), vip,
        election, bgp(p.bgp(), le.leaseDuration()));
  }

  static BgpSettings bgp(KubevipProperties.Bgp b, java.time.Duration leaseDuration) {
    List<BgpPeer> peers = new ArrayList<>();
    if (!blank(b.peerAddress())) {
      try {
        peers.add(new BgpPeer(InetAddress.getByName(b.peerAddress()), b.peerAs(),
            b.peerPass() == null ? "" : b.peerPass(), b.multihop(), BgpPeer.DEFAULT_PORT, Map.of(), BgpPeer.Bfd.DISABLED));
      } catch (IOException e) {
        throw new IllegalStateException("bgp_peeraddress passed validation but is not an IP literal", e);
      }
    }
    if (!blank(b.peers())) {
      peers.addAll(BgpPeerParser.parseAll(b.peers()));
    }
    KubevipProperties.GracefulRestart gr = b.gracefulRestart();
    java.time.Duration restart = gr == null || !gr.enabled() ? null
        : gr.restartTime() != null && !gr.restartTime().isZero() ? gr.restartTime()
        : java.time.Duration.ofSeconds(Math.min(4095, leaseDuration.toSeconds())); // whole seconds, RFC 4724
    return new BgpSettings(b.as(), orNull(b.routerId()), peers, b.holdTime(), b.keepaliveInterval(), restart);
  }

  // The resolved property source carries unset settings as "" (see ResolvedPropertySource).
  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String orNull(String s) {
    return blank(s) ? null : s;
  }

  // kube-vip: vip_nodename, else the host name, lower-cased. No DNS lookup.
  static String nodeName(String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured.trim().toLowerCase(Locale.ROOT);
    }
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      } catch (IOException e) {
        host = "unknown";
      }
    }
    return host.toLowerCase(Locale.ROOT);
  }
}
