// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code kubevip.*} tree, bound once. The manager feeds it from the resolved configuration (highest-priority
 * property source), so it always holds validated, canonical values; {@code SettingsConfiguration} maps it to the
 * immutable settings records the rest of the app uses. Every property of the translation table has a field here
 * (checked by a test).
 */
@ConfigurationProperties("kubevip")
public record KubevipProperties(Mode mode, ControlPlane controlPlane, Services services, Vip vip, String nodeName,
    Dhcp dhcp, Arp arp, LoseLeadership loseLeadership, boolean nodeLabeling, LeaderElection leaderElection,
    String namespace, Etcd etcd, Upnp upnp, Egress egress, Lb lb, Bgp bgp, Zebra zebra, RoutingTable routingTable,
    Kubernetes kubernetes, Metrics metrics, Integer healthCheckPort, Log log, String networkNamespace,
    String configFile) {

  public record Mode(boolean arp, boolean bgp, boolean routingTable, boolean wireguard) {}

  public record ControlPlane(boolean enabled, Integer port, boolean detect, HealthCheck healthCheck) {}

  public record HealthCheck(String address, Duration period, Duration timeout, Integer failureThreshold,
      String caPath) {}

  public record Services(boolean enabled, String interfaceName, String leaseName, boolean election,
      boolean electionOnDemand, String namespace, boolean lbClassOnly, String lbClassName,
      boolean lbClassLegacyHandling, boolean security, boolean disableUpdates, boolean legacyEndpoints,
      Duration debounceTime, String mirrorDestInterface, Boolean builtinIpam) {}

  public record Vip(String address, String subnet, String interfaceName, boolean allowInterfaceNotUp,
      boolean loInterfaceGlobalScope, boolean ddns, String dnsMode, boolean skipDad) {}

  public record Dhcp(String mode, Integer backoffAttempts) {}

  public record Arp(Duration rate, boolean preserveOnLeadershipLoss) {}

  public record LoseLeadership(boolean enabled, Duration timeout) {}

  public record LeaderElection(boolean enabled, String type, String leaseName, Duration leaseDuration,
      Duration renewDeadline, Duration retryPeriod, String leaseAnnotations) {}

  public record Etcd(String endpoints, String caCert, String cert, String key) {}

  public record Upnp(boolean enabled) {}

  public record Egress(boolean withNftables, String instanceName, String podCidr, String serviceCidr,
      boolean internalSnat, boolean clean, String iptablesBackend) {}

  public record Lb(boolean enabled, Integer port, String forwardingMethod, Duration backendHealthCheckInterval) {}

  public record Bgp(Long as, String routerId, String routerInterface, String peerAddress, Long peerAs, String peerPass,
      boolean multihop, String peers, String sourceIf, String sourceIp, Duration holdTime, Duration keepaliveInterval,
      boolean attachIpToInterface, String mpbgpNexthop, String mpbgpIpv4, String mpbgpIpv6,
      String nodeAnnotationsPrefix, GracefulRestart gracefulRestart) {}

  /** RFC 4724 graceful restart; {@code restartTime} zero = the lease duration. */
  public record GracefulRestart(boolean enabled, Duration restartTime) {}

  public record Zebra(boolean enabled, String url, Integer version, String softwareName) {}

  public record RoutingTable(Long id, Integer type, Integer protocol, boolean clean) {}

  public record Kubernetes(String configFile, String address) {}

  public record Metrics(String server) {}

  public record Log(Integer level, String format) {}
}
