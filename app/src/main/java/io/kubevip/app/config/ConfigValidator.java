// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static io.kubevip.app.config.SettingsTable.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Start-up validation. Collects every problem instead of stopping at the first, so one failed start tells the user
 * everything to fix; each problem names the setting as written, the value and what was expected.
 */
public final class ConfigValidator {
  static final String NOT_AVAILABLE = "not available in this version";

  private ConfigValidator() {}

  public static List<Problem> validate(EffectiveConfig config, FeatureAvailability features) {
    List<Problem> problems = new ArrayList<>();
    checkTypes(config, problems);
    checkModes(config, features, problems);
    checkFeatures(config, problems);
    checkAddress(config, features, problems);
    checkElectionTimes(config, problems);
    checkBgp(config, problems);
    checkOps(config, problems);
    checkAvailability(config, features, problems);
    return problems;
  }

  private static void checkTypes(EffectiveConfig config, List<Problem> problems) {
    for (ResolvedValue v : config.values()) {
      if (!v.isSet()) {
        continue;
      }
      if (v.setting() == BGP_PEERS) {
        BgpPeerParser.errors(v.value()).forEach(e -> problems.add(new Problem(v.where(), null, e)));
        continue;
      }
      try {
        v.setting().type().normalize(v.value(), v.origin());
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of(v, e.getMessage()));
      }
    }
  }

  private static void checkModes(EffectiveConfig config, FeatureAvailability features, List<Problem> problems) {
    List<DataPlaneMode> on = DataPlaneMode.enabled(config);
    if (on.isEmpty()) {
      problems.add(new Problem("mode", null, "none of vip_arp, bgp_enable, vip_routingtable, vip_wireguard is true;"
          + " expected exactly one (flags --arp, --bgp, --table, --wireguard)"));
    } else if (on.size() > 1) {
      String where = on.stream().map(m -> config.get(m.setting()).where()).collect(Collectors.joining(", "));
      problems.add(new Problem(where, null, on.size() + " modes enabled; expected exactly one of vip_arp, bgp_enable,"
          + " vip_routingtable, vip_wireguard"));
    }
  }

  private static void checkFeatures(EffectiveConfig config, List<Problem> problems) {
    if (!config.isTrue(CP_ENABLE) && !config.isTrue(SVC_ENABLE)
        && config.normalized(CP_ENABLE).isPresent() && config.normalized(SVC_ENABLE).isPresent()) {
      problems.add(new Problem(config.get(CP_ENABLE).where() + ", " + config.get(SVC_ENABLE).where(), null,
          "neither is true; expected the control plane (cp_enable / --controlplane), services (svc_enable / --services)"
              + " or both"));
    }
  }

  private static void checkAddress(EffectiveConfig config, FeatureAvailability features, List<Problem> problems) {
    ResolvedValue address = config.get(ADDRESS);
    if (config.isTrue(CP_ENABLE) && !address.isSet()) {
      problems.add(new Problem(address.where(), null,
          "is not set; the control plane (cp_enable) needs a VIP: expected an IP or DNS name, e.g. 192.0.2.10"));
    }
    if (config.isTrue(CP_ENABLE) && address.isSet() && config.normalized(ADDRESS).isPresent()
        && !VipList.parse(address.value()).dnsNames().isEmpty() && !features.isAvailable(Feature.DNS_NAMES)) {
      problems.add(Problem.of(address, "names a DNS name: DNS-named VIPs are " + NOT_AVAILABLE
          + "; expected IP addresses"));
    }
    if (address.isSet() && config.normalized(ADDRESS).isPresent() && !features.isAvailable(Feature.DHCP)
        && VipList.parse(address.value()).hasDhcpMarker()) {
      problems.add(Problem.of(address, "asks for a DHCP-leased VIP (0.0.0.0 / ::): DHCP is " + NOT_AVAILABLE));
    }
  }

  private static void checkElectionTimes(EffectiveConfig config, List<Problem> problems) {
    Optional<Duration> lease = duration(config, VIP_LEASEDURATION);
    Optional<Duration> renew = duration(config, VIP_RENEWDEADLINE);
    Optional<Duration> retry = duration(config, VIP_RETRYPERIOD);
    if (lease.isPresent() && renew.isPresent() && lease.get().compareTo(renew.get()) <= 0) {
      problems.add(Problem.of(config.get(VIP_LEASEDURATION), "is not longer than " + config.get(VIP_RENEWDEADLINE).where()
          + " (" + Durations.human(renew.get()) + "); expected lease duration > renew deadline > retry period"));
    }
    if (renew.isPresent() && retry.isPresent() && renew.get().compareTo(retry.get()) <= 0) {
      problems.add(Problem.of(config.get(VIP_RENEWDEADLINE), "is not longer than " + config.get(VIP_RETRYPERIOD).where()
          + " (" + Durations.human(retry.get()) + "); expected lease duration > renew deadline > retry period"));
    }
  }

  private static void checkBgp(EffectiveConfig config, List<Problem> problems) {
    if (config.get(BGP_SOURCEIF).isSet() && config.get(BGP_SOURCEIP).isSet()) {
      problems.add(new Problem(config.get(BGP_SOURCEIF).where() + ", " + config.get(BGP_SOURCEIP).where(), null,
          "both set; expected at most one source (interface or address)"));
    }
    BgpChecks.check(config, problems);
  }

  private static void checkOps(EffectiveConfig config, List<Problem> problems) {
    if (config.get(NETNS).isSet() && !config.get(VIP_INTERFACE).isSet()) {
      problems.add(Problem.of(config.get(NETNS), "needs vip_interface: the default-route interface would be looked up"
          + " in this process's namespace, not in " + config.get(NETNS).value()));
    }
    config.normalized(HEALTH_CHECK_PORT).map(Long::parseLong).filter(p -> p > 0 && p <= 1024)
        .ifPresent(p -> problems.add(Problem.of(config.get(HEALTH_CHECK_PORT),
            "is a privileged port; expected 0 (served on the metrics port) or 1025..65535")));
    Optional<Long> health = config.normalized(HEALTH_CHECK_PORT).map(Long::parseLong).filter(p -> p > 1024);
    Optional<HostPort> metrics = config.normalized(PROMETHEUS_SERVER).map(HostPort::parse);
    if (health.isPresent() && metrics.isPresent() && metrics.get().port() == health.get()) {
      problems.add(Problem.of(config.get(HEALTH_CHECK_PORT), "is also the port of " + config.get(PROMETHEUS_SERVER).where()
          + "; expected a different port, or 0 to serve the probes on the metrics port"));
    }
  }

  private static void checkAvailability(EffectiveConfig config, FeatureAvailability features, List<Problem> problems) {
    for (DataPlaneMode m : DataPlaneMode.enabled(config)) {
      unavailable(config, m.setting(), features, m.feature(), problems);
    }
    unavailable(config, SVC_ENABLE, features, Feature.SERVICES, problems);
    servicesOnlyInWiredModes(config, features, problems);
    unavailable(config, VIP_PRESERVE_ON_LEADERSHIP_LOSS, features, Feature.PRESERVE_ON_LEADERSHIP_LOSS, problems);
    unavailable(config, ENABLE_UPNP, features, Feature.UPNP, problems);
    unavailable(config, VIP_DDNS, features, Feature.DHCP, problems);
    unavailable(config, LB_ENABLE, features, Feature.IPVS, problems);
    unavailable(config, ZEBRA_ENABLE, features, Feature.ZEBRA, problems);
    unavailable(config, ENABLE_SERVICE_SECURITY, features, Feature.SERVICE_SECURITY, problems);
    if (config.get(MIRROR_DEST_INTERFACE).isSet() && !features.isAvailable(Feature.TRAFFIC_MIRROR)) {
      problems.add(new Problem(config.get(MIRROR_DEST_INTERFACE).where(), null, NOT_AVAILABLE));
    }
    if (config.normalized(LEADER_ELECTION_TYPE).filter("etcd"::equals).isPresent()
        && !features.isAvailable(Feature.ETCD_ELECTION)) {
      problems.add(Problem.of(config.get(LEADER_ELECTION_TYPE), "etcd election is " + NOT_AVAILABLE));
    }
  }

  // Services are wired for ARP and BGP mode; in another (available) mode they would start and announce nothing.
  private static void servicesOnlyInWiredModes(EffectiveConfig config, FeatureAvailability features, List<Problem> problems) {
    if (!config.isTrue(SVC_ENABLE) || !features.isAvailable(Feature.SERVICES)) {
      return;
    }
    for (DataPlaneMode m : DataPlaneMode.enabled(config)) {
      if (features.isAvailable(m.feature()) && !features.servicesAvailableIn(m)) {
        problems.add(new Problem(config.get(SVC_ENABLE).where() + ", " + config.get(m.setting()).where(), null,
            "LoadBalancer Services with " + m.setting().env() + " are " + NOT_AVAILABLE
                + "; expected " + servicesModes(features) + " for Services"));
      }
    }
  }

  private static String servicesModes(FeatureAvailability features) {
    List<String> modes = new java.util.ArrayList<>();
    for (DataPlaneMode m : DataPlaneMode.values()) {
      if (features.servicesAvailableIn(m)) {
        modes.add(m.setting().env());
      }
    }
    return modes.isEmpty() ? "no mode" : String.join(" or ", modes);
  }

  private static void unavailable(EffectiveConfig config, Setting s, FeatureAvailability features, Feature f,
      List<Problem> problems) {
    if (config.isTrue(s) && !features.isAvailable(f)) {
      problems.add(new Problem(config.get(s).where(), null, NOT_AVAILABLE));
    }
  }

  private static Optional<Duration> duration(EffectiveConfig config, Setting s) {
    return config.normalized(s).map(t -> Durations.parse(t, java.time.temporal.ChronoUnit.MILLIS));
  }
}
