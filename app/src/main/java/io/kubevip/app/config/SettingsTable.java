// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static java.time.Duration.ZERO;
import static java.time.Duration.ofMillis;

import java.util.List;
import java.util.Optional;

/**
 * The one translation table between kube-vip's environment variables and flags ({@code pkg/kubevip/config_envvar.go},
 * {@code cmd/kube-vip.go}, v1.2.3) and our {@code kubevip.*} properties. Resolution, validation, {@code kubevip config}
 * and docs/configuration.md are all driven from {@link #ALL}; add a setting here and everything else follows.
 */
public final class SettingsTable {
  private SettingsTable() {}

  // Mode
  public static final Setting VIP_ARP = row("Mode", "vip_arp", "--arp", "kubevip.mode.arp", Types.bool(), "false",
      "ARP/NDP (layer 2) mode; exactly one mode must be enabled");
  public static final Setting BGP_ENABLE = row("Mode", "bgp_enable", "--bgp", "kubevip.mode.bgp", Types.bool(), "false",
      "BGP mode");
  public static final Setting VIP_ROUTINGTABLE = row("Mode", "vip_routingtable", "--table", "kubevip.mode.routing-table",
      Types.bool(), "false", "Routing-table mode (kernel routes for an external routing daemon)");
  public static final Setting VIP_WIREGUARD = row("Mode", "vip_wireguard", "--wireguard", "kubevip.mode.wireguard",
      Types.bool(), "false", "WireGuard mode");
  // Features
  public static final Setting CP_ENABLE = row("Features", "cp_enable", "--controlplane", "kubevip.control-plane.enabled",
      Types.bool(), "false", "Serve the control-plane VIP");
  public static final Setting SVC_ENABLE = row("Features", "svc_enable", "--services", "kubevip.services.enabled",
      Types.bool(), "false", "Serve LoadBalancer Services");
  // VIP
  public static final Setting ADDRESS = row("VIP", "address", "--address", "kubevip.vip.address", Types.vips(), null,
      "Control-plane VIP(s): IPs or DNS names, comma separated; 0.0.0.0 / :: lease from DHCP")
      .alias("vip_address", "--vip");
  public static final Setting PORT = row("VIP", "port", "--port", "kubevip.control-plane.port", Types.port(), "6443",
      "Kubernetes API server port behind the control-plane VIP");
  public static final Setting VIP_SUBNET = row("VIP", "vip_subnet", "--vipSubnet", "kubevip.vip.subnet", Types.subnet(),
      null, "VIP prefix length: one value, v4,v6 (e.g. 32,128) or auto (ARP); unset = host route /32 or /128");
  public static final Setting VIP_INTERFACE = row("VIP", "vip_interface", "--interface", "kubevip.vip.interface-name",
      Types.text(), null, "Interface for the VIP; unset = interface of the default route");
  public static final Setting VIP_SERVICESINTERFACE = row("VIP", "vip_servicesinterface", "--serviceInterface",
      "kubevip.services.interface-name", Types.text(), null, "Interface for Service VIPs (auto allowed); unset = vip_interface");
  public static final Setting VIP_ALLOW_INTERFACE_NOT_UP = row("VIP", "vip_allow_interface_not_up",
      "--allowInterfaceNotUp", "kubevip.vip.allow-interface-not-up", Types.bool(), "false",
      "Add VIPs to an interface that is not up");
  public static final Setting VIP_INTERFACELOGLOBAL = row("VIP", "vip_interfaceloglobal", "--loInterfaceGlobalScope",
      "kubevip.vip.lo-interface-global-scope", Types.bool(), "false", "Global instead of host scope for VIPs on lo");
  public static final Setting VIP_NODENAME = row("VIP", "vip_nodename", "--nodeName", "kubevip.node-name", Types.text(),
      null, "This node's name (manifests inject spec.nodeName); unset = host name, lower-cased");
  public static final Setting VIP_DDNS = row("VIP", "vip_ddns", "--ddns", "kubevip.vip.ddns", Types.bool(), "false",
      "Register a DNS-named VIP through DHCP (DDNS)");
  public static final Setting DNS_MODE = row("VIP", "dns_mode", "--dnsMode", "kubevip.vip.dns-mode",
      Types.oneOf("first", "ipv4", "ipv6", "dual"), "first", "Which addresses of a DNS-named VIP to use");
  public static final Setting DHCP_MODE = row("VIP", "dhcp_mode", "--dhcpMode", "kubevip.dhcp.mode",
      Types.oneOf("ipv4", "ipv6", "dual"), null, "DHCP address families; unset = follows dns_mode");
  public static final Setting DHCP_BACKOFF_ATTEMPTS = row("VIP", "dhcp_backoff_attempts", "--dhcpBackoffAttempts",
      "kubevip.dhcp.backoff-attempts", Types.integer(0, 1000), "3", "DHCP request retries (0 = forever)");
  public static final Setting VIP_SKIPDAD = row("VIP", "vip_skipdad", null, "kubevip.vip.skip-dad", Types.bool(), "true",
      "Add IPv6 VIPs with nodad (no duplicate address detection); kubevip default differs from kube-vip (false)");
  // ARP
  public static final Setting VIP_ARPRATE = row("ARP", "vip_arpRate", null, "kubevip.arp.rate", Types.millis(ZERO),
      "3000", "Gratuitous ARP / unsolicited NA re-send interval; env in milliseconds; below 500 falls back to 3000 with a"
          + " warning (as kube-vip)");
  public static final Setting VIP_PRESERVE_ON_LEADERSHIP_LOSS = row("ARP", "vip_preserve_on_leadership_loss",
      "--preserveVipOnLeadershipLoss", "kubevip.arp.preserve-on-leadership-loss", Types.bool(), "false",
      "Keep the VIP (but stop announcing) when leadership is lost");
  public static final Setting VIP_LOSELEADERSHIP = row("ARP", "vip_loseleadership", "--loseLeadership",
      "kubevip.lose-leadership.enabled", Types.bool(), "true",
      "Give up leadership when the VIP interface goes down; kubevip default differs from kube-vip (false)");
  public static final Setting VIP_LOSELEADERSHIP_TIMEOUT = row("ARP", "vip_loseleadership_timeout_seconds",
      "--loseLeadershiptTimeoutSeconds", "kubevip.lose-leadership.timeout", Types.seconds(ZERO), "1",
      "How long the interface may stay down before leadership is given up; kubevip default 1 s (kube-vip 30 s)");
  public static final Setting ENABLE_NODE_LABELING = row("ARP", "enable_node_labeling", "--enableNodeLabeling",
      "kubevip.node-labeling", Types.bool(), "false", "Label the node that serves a VIP");
  // Election
  public static final Setting VIP_LEADERELECTION = row("Election", "vip_leaderelection", "--leaderElection",
      "kubevip.leader-election.enabled", Types.bool(), "false", "Use leader election for the control-plane VIP");
  public static final Setting LEADER_ELECTION_TYPE = row("Election", null, "--leaderElectionType",
      "kubevip.leader-election.type", Types.oneOf("kubernetes", "etcd"), "kubernetes",
      "Election back-end (kube-vip has no env variable for it)");
  public static final Setting VIP_LEASENAME = row("Election", "vip_leasename", "--leaseName",
      "kubevip.leader-election.lease-name", Types.text(), "plndr-cp-lock", "Control-plane lease name (ns/name allowed)");
  public static final Setting SVC_LEASENAME = row("Election", "svc_leasename", "--servicesLeaseName",
      "kubevip.services.lease-name", Types.text(), "plndr-svcs-lock", "Global services lease name");
  public static final Setting VIP_LEASEDURATION = row("Election", "vip_leaseduration", "--leaseDuration",
      "kubevip.leader-election.lease-duration", Types.seconds(ofMillis(1)), "15",
      "Lease duration; env/flag in seconds, property any duration (e.g. 800ms)");
  public static final Setting VIP_RENEWDEADLINE = row("Election", "vip_renewdeadline", "--leaseRenewDuration",
      "kubevip.leader-election.renew-deadline", Types.seconds(ofMillis(1)), "10",
      "Renew deadline; must be shorter than the lease duration");
  public static final Setting VIP_RETRYPERIOD = row("Election", "vip_retryperiod", "--leaseRetry",
      "kubevip.leader-election.retry-period", Types.seconds(ofMillis(1)), "2",
      "Retry period; must be shorter than the renew deadline");
  public static final Setting VIP_LEASEANNOTATIONS = row("Election", "vip_leaseannotations", null,
      "kubevip.leader-election.lease-annotations", Types.jsonMap(), null, "Annotations put on the leases (JSON map)");
  public static final Setting CP_NAMESPACE = row("Election", "cp_namespace", "--namespace", "kubevip.namespace",
      Types.text(), "kube-system", "Namespace for leases and the wireguard Secret").alias("-n");
  public static final Setting SVC_ELECTION = row("Election", "svc_election", "--servicesElection",
      "kubevip.services.election", Types.bool(), "false",
      "Place each Service VIP on one eligible node (bounded load, one liveness Lease per node) instead of the"
          + " svc_leasename holder (ARP) or every eligible node (BGP)");
  public static final Setting PER_SERVICE_ELECTION_ON_DEMAND = row("Election", "per_service_election_on_demand",
      "--perServiceElectionOnDemand", "kubevip.services.election-on-demand", Types.bool(), "false",
      "Per-service election only for Services annotated kube-vip.io/forcePerServiceElection");
  public static final Setting ETCD_ENDPOINTS = row("Election", null, "--etcdEndpoints", "kubevip.etcd.endpoints",
      Types.text(), null, "etcd endpoints, comma separated (etcd election)");
  public static final Setting ETCD_CA_CERT = row("Election", null, "--etcdCACert", "kubevip.etcd.ca-cert", Types.path(),
      null, "etcd CA certificate file");
  public static final Setting ETCD_CERT = row("Election", null, "--etcdCert", "kubevip.etcd.cert", Types.path(), null,
      "etcd client certificate file");
  public static final Setting ETCD_KEY = row("Election", null, "--etcdKey", "kubevip.etcd.key", Types.path(), null,
      "etcd client key file");
  // Services
  public static final Setting SVC_NAMESPACE = row("Services", "svc_namespace", null, "kubevip.services.namespace",
      Types.text(), null, "Only watch Services in this namespace; unset = all namespaces");
  public static final Setting LB_CLASS_ONLY = row("Services", "lb_class_only", "--lbClassOnly",
      "kubevip.services.lb-class-only", Types.bool(), "false", "Only Services with our loadBalancerClass");
  public static final Setting LB_CLASS_NAME = row("Services", "lb_class_name", "--lbClassName",
      "kubevip.services.lb-class-name", Types.text(), "kube-vip.io/kube-vip-class", "Our loadBalancerClass");
  public static final Setting LB_CLASS_LEGACY_HANDLING = row("Services", "lb_class_legacy_handling",
      "--lbClassNameLegacyHandling", "kubevip.services.lb-class-legacy-handling", Types.bool(), "true",
      "Legacy class matching (Services without a class are ours unless lb_class_only)");
  public static final Setting BUILTIN_IPAM = row("Services", "kubevip_builtin_ipam", null,
      "kubevip.services.builtin-ipam", Types.bool(), "true", "kubevip extra: the svc_leasename holder allocates"
          + " addresses from the kubevip ConfigMap (kube-vip-cloud-provider semantics); false when the cluster keeps"
          + " running kube-vip-cloud-provider");
  public static final Setting ENABLE_SERVICE_SECURITY = row("Services", "enable_service_security",
      "--onlyAllowTrafficServicePorts", "kubevip.services.security", Types.bool(), "false",
      "Only allow traffic to Service ports on VIPs");
  public static final Setting DISABLE_SERVICE_UPDATES = row("Services", "disable_service_updates",
      "--disableServiceUpdates", "kubevip.services.disable-updates", Types.bool(), "false",
      "Advertise without writing Service status");
  public static final Setting ENABLE_ENDPOINTS = row("Services", "enable_endpoints", "--enableEndpoints",
      "kubevip.services.legacy-endpoints", Types.bool(), "false", "Watch Endpoints instead of EndpointSlices");
  public static final Setting DEBOUNCE_TIME = row("Services", "debounce_time", "--debounceTime",
      "kubevip.services.debounce-time", Types.goDuration(), "0s",
      "Debounce Service/endpoint events (Go duration; kube-vip never parses the env variable, kubevip does)");
  public static final Setting MIRROR_DEST_INTERFACE = row("Services", "mirror_dest_interface", "--mirrorDestInterface",
      "kubevip.services.mirror-dest-interface", Types.text(), null, "Mirror services-interface traffic to this NIC");
  public static final Setting ENABLE_UPNP = row("Services", "enable_upnp", null, "kubevip.upnp.enabled", Types.bool(),
      "false", "UPnP IGD port forwarding for annotated Services (kube-vip docs say enableUPNP; the code reads enable_upnp)");
  // Egress
  public static final Setting EGRESS_WITHNFTABLES = row("Egress", "egress_withnftables", "--egressWithNftables",
      "kubevip.egress.with-nftables", Types.bool(), "true", "Egress SNAT through nftables");
  public static final Setting INSTANCE_NAME = row("Egress", "instance_name", "--instanceName",
      "kubevip.egress.instance-name", Types.text(), null, "Instance name in nftables table names");
  public static final Setting EGRESS_PODCIDR = row("Egress", "egress_podcidr", null, "kubevip.egress.pod-cidr",
      Types.text(), null, "Pod CIDR excluded from egress SNAT (fallback when not detected)");
  public static final Setting EGRESS_SERVICECIDR = row("Egress", "egress_servicecidr", null,
      "kubevip.egress.service-cidr", Types.text(), null, "Service CIDR excluded from egress SNAT");
  public static final Setting EGRESS_ENABLEINTERNALSNAT = row("Egress", "egress_enableinternalsnat", null,
      "kubevip.egress.internal-snat", Types.bool(), "false", "SNAT in-cluster egress too");
  public static final Setting EGRESS_CLEAN = row("Egress", "egress_clean", null, "kubevip.egress.clean", Types.bool(),
      "false", "Remove egress rules at start").alias("EGRESS_CLEAN");
  public static final Setting IPTABLES_BACKEND = row("Egress", "iptables_backend", null, "kubevip.egress.iptables-backend",
      Types.text(), null, "iptables backend for the legacy egress path");
  // IPVS
  public static final Setting LB_ENABLE = row("IPVS", "lb_enable", "--enableLoadBalancer", "kubevip.lb.enabled",
      Types.bool(), "false", "IPVS load balancing of the control plane");
  public static final Setting LB_PORT = row("IPVS", "lb_port", "--lbPort", "kubevip.lb.port", Types.port(), "6443",
      "IPVS virtual service port");
  public static final Setting LB_FWDMETHOD = row("IPVS", "lb_fwdmethod", "--lbForwardingMethod",
      "kubevip.lb.forwarding-method", Types.oneOf("local", "masquerade", "tunnel", "directroute", "bypass"), "local",
      "IPVS forwarding method");
  public static final Setting BACKEND_HEALTH_CHECK_INTERVAL = row("IPVS", "backend_health_check_interval", null,
      "kubevip.lb.backend-health-check-interval", Types.seconds(ofMillis(1)), "5", "Backend probe interval (seconds)");
  // BGP
  public static final Setting BGP_AS = row("BGP", "bgp_as", "--localAS", "kubevip.bgp.as", Types.asn(), "65000",
      "Local AS number");
  public static final Setting BGP_ROUTERID = row("BGP", "bgp_routerid", "--bgpRouterID", "kubevip.bgp.router-id",
      Types.ip(), null, "BGP router ID (IPv4)");
  public static final Setting BGP_ROUTERINTERFACE = row("BGP", "bgp_routerinterface", null,
      "kubevip.bgp.router-interface", Types.text(), null, "Take the router ID from this interface's address");
  public static final Setting BGP_PEERADDRESS = row("BGP", "bgp_peeraddress", "--peerAddress", "kubevip.bgp.peer-address",
      Types.ip(), null, "Single peer address");
  public static final Setting BGP_PEERAS = row("BGP", "bgp_peeras", "--peerAS", "kubevip.bgp.peer-as", Types.asn(),
      "65000", "Single peer AS number");
  public static final Setting BGP_PEERPASS = row("BGP", "bgp_peerpass", "--peerPass", "kubevip.bgp.peer-pass",
      Types.text(), null, "Single peer TCP-MD5 password").secretValue();
  public static final Setting BGP_MULTIHOP = row("BGP", "bgp_multihop", "--multihop", "kubevip.bgp.multihop", Types.bool(),
      "false", "eBGP multihop for the single peer");
  public static final Setting BGP_PEERS = row("BGP", "bgp_peers", "--bgppeers", "kubevip.bgp.peers", Types.bgpPeers(),
      null, "Peers: address:AS:password:multihop:port:mpbgp:bfd, comma separated, IPv6 in brackets; or the structured"
          + " list kubevip.bgp.peers[] with communities and local-pref (docs/bgp.md) (passwords redacted)");
  public static final Setting BGP_SOURCEIF = row("BGP", "bgp_sourceif", "--sourceIF", "kubevip.bgp.source-if",
      Types.text(), null, "Bind BGP sessions to this interface (exclusive with bgp_sourceip)");
  public static final Setting BGP_SOURCEIP = row("BGP", "bgp_sourceip", "--sourceIP", "kubevip.bgp.source-ip",
      Types.ip(), null, "Source address of BGP sessions (exclusive with bgp_sourceif)");
  public static final Setting BGP_HOLD_TIME = row("BGP", "bgp_hold_time", "--bgpHoldTimer", "kubevip.bgp.hold-time",
      Types.seconds(ZERO), "30", "Hold time (seconds)");
  public static final Setting BGP_KEEPALIVE_INTERVAL = row("BGP", "bgp_keepalive_interval", "--bgpKeepAliveInterval",
      "kubevip.bgp.keepalive-interval", Types.seconds(ZERO), "10", "Keepalive interval (seconds)");
  public static final Setting BGP_GRACEFUL_RESTART = row("BGP", "kubevip_bgp_graceful_restart", null,
      "kubevip.bgp.graceful-restart.enabled", Types.bool(), "false", "Graceful restart (RFC 4724): routers keep our"
          + " routes as stale for the restart time when the manager dies without closing its sessions; off by default"
          + " (kube-vip has no such setting)");
  public static final Setting BGP_GRACEFUL_RESTART_TIME = row("BGP", "kubevip_bgp_graceful_restart_time", null,
      "kubevip.bgp.graceful-restart.restart-time", Types.seconds(ZERO), "0", "Graceful restart time (whole seconds,"
          + " 1..4095, at most vip_leaseduration); 0 = vip_leaseduration");
  public static final Setting BGP_ATTACH_IP_TO_INTERFACE = row("BGP", "bgp_attach_ip_to_interface",
      "--bgpAttachIPToInterface", "kubevip.bgp.attach-ip-to-interface", Types.bool(), "false",
      "Also put Service VIPs on the interface");
  public static final Setting MPBGP_NEXTHOP = row("BGP", "mpbgp_nexthop", null, "kubevip.bgp.mpbgp-nexthop",
      Types.oneOf("fixed", "auto_sourceip", "auto_sourceif"), null, "MP-BGP next-hop mode for all peers");
  public static final Setting MPBGP_IPV4 = row("BGP", "mpbgp_ipv4", null, "kubevip.bgp.mpbgp-ipv4", Types.text(), null,
      "MP-BGP IPv4 next hop (fixed mode)");
  public static final Setting MPBGP_IPV6 = row("BGP", "mpbgp_ipv6", null, "kubevip.bgp.mpbgp-ipv6", Types.text(), null,
      "MP-BGP IPv6 next hop (fixed mode)");
  public static final Setting ANNOTATIONS = row("BGP", "annotations", "--annotations", "kubevip.bgp.node-annotations-prefix",
      Types.text(), null, "Read BGP settings from Node annotations with this prefix");
  public static final Setting ZEBRA_ENABLE = row("BGP", "zebra_enable", "--zebraEnable", "kubevip.zebra.enabled",
      Types.bool(), "false", "FRR zebra integration");
  public static final Setting ZEBRA_URL = row("BGP", "zebra_url", "--zebraURL", "kubevip.zebra.url", Types.text(),
      "unix:/var/run/frr/zserv.api", "zebra API socket");
  public static final Setting ZEBRA_VERSION = row("BGP", "zebra_version", "--zebraVersion", "kubevip.zebra.version",
      Types.integer(1, 255), "6", "zebra API version");
  public static final Setting ZEBRA_SOFTWARE_NAME = row("BGP", "zebra_software_name", "--zebraSoftwareName",
      "kubevip.zebra.software-name", Types.text(), "frr8.3", "zebra software name");
  public static final Setting CP_HC_ADDRESS = row("BGP", "control_plane_health_check_address",
      "--controlPlaneHealthCheckAddress", "kubevip.control-plane.health-check.address", Types.text(), null,
      "URL probed before announcing the control-plane VIP, e.g. https://localhost:6443/livez");
  public static final Setting CP_HC_PERIOD = row("BGP", "control_plane_health_check_period_seconds",
      "--controlPlaneHealthCheckPeriodSeconds", "kubevip.control-plane.health-check.period", Types.seconds(ofMillis(1)),
      "5", "Health check period (seconds)");
  public static final Setting CP_HC_TIMEOUT = row("BGP", "control_plane_health_check_timeout_seconds",
      "--controlPlaneHealthCheckTimeoutSeconds", "kubevip.control-plane.health-check.timeout", Types.seconds(ofMillis(1)),
      "3", "Health check timeout (seconds)");
  public static final Setting CP_HC_FAILURE_THRESHOLD = row("BGP", "control_plane_health_check_failure_threshold",
      "--controlPlaneHealthCheckFailureThreshold", "kubevip.control-plane.health-check.failure-threshold",
      Types.integer(1, 1000), "3", "Consecutive failures before the route is withdrawn");
  public static final Setting CP_HC_CA_PATH = row("BGP", "control_plane_health_check_ca_path",
      "--controlPlaneHealthCheckCAPath", "kubevip.control-plane.health-check.ca-path", Types.path(), null,
      "CA bundle for the health check");
  // Routing table
  public static final Setting VIP_ROUTINGTABLEID = row("Routing table", "vip_routingtableid", "--tableID",
      "kubevip.routing-table.id", Types.integer(1, 4294967295L), "198", "Kernel routing table");
  public static final Setting VIP_ROUTINGTABLETYPE = row("Routing table", "vip_routingtabletype", "--tableType",
      "kubevip.routing-table.type", Types.integer(0, 255), "1", "Route type (1 = unicast, 2 = local)");
  public static final Setting VIP_ROUTINGPROTOCOL = row("Routing table", "vip_routingprotocol", "--routingProtocol",
      "kubevip.routing-table.protocol", Types.integer(0, 255), "248", "Route protocol number");
  public static final Setting VIP_CLEANROUTINGTABLE = row("Routing table", "vip_cleanroutingtable", "--cleanRoutingTable",
      "kubevip.routing-table.clean", Types.bool(), "false", "Delete routes we do not own in (table, protocol) at start");
  // Kubernetes API
  public static final Setting CP_DETECT = row("Kubernetes API", "cp_detect", "--autodetectcp",
      "kubevip.control-plane.detect", Types.bool(), "false", "Probe loopback for the local API server");
  public static final Setting K8S_CONFIG_FILE = row("Kubernetes API", "k8s_config_file", "--k8sConfigPath",
      "kubevip.kubernetes.config-file", Types.path(), "/etc/kubernetes/admin.conf", "kubeconfig to use first");
  public static final Setting KUBERNETES_ADDR = row("Kubernetes API", "kubernetes_addr", null,
      "kubevip.kubernetes.address", Types.text(), null, "API server address to use with admin.conf");
  // Ops
  public static final Setting PROMETHEUS_SERVER = row("Ops", "prometheus_server", "--prometheusHTTPServer",
      "kubevip.metrics.server", Types.hostPort(), ":2112",
      "Metrics listen address ([host]:port); also serves /livez and /readyz unless health_check_port is set; empty = off");
  public static final Setting HEALTH_CHECK_PORT = row("Ops", "health_check_port", "--healthCheckPort",
      "kubevip.health-check-port", Types.integer(0, 65535), "0",
      "Separate port for /livez, /readyz and /healthz (0 = served on the metrics port)");
  public static final Setting VIP_LOGLEVEL = row("Ops", "vip_loglevel", "--log", "kubevip.log.level",
      Types.integer(-8, 12), "0", "slog level: -4 debug, 0 info, 4 warn, 8 error");
  public static final Setting LOG_FORMAT = row("Ops", "kubevip_log_format", null, "kubevip.log.format",
      Types.oneOf("text", "json"), "text", "kubevip extra: json = ECS structured logs on the console");
  public static final Setting NETNS = row("Ops", "kubevip_netns", null, "kubevip.network-namespace", Types.text(), null,
      "kubevip extra, for labs: ip netns name the ARP data plane (VIPs, ARP/NA, link watch) works in while the"
          + " process, its API client and HTTP endpoints stay where they run; unset = the process's own namespace");
  public static final Setting CONFIG_FILE = row("Ops", "config_file", "--config-file", "kubevip.config-file",
      Types.path(), null, "YAML or JSON file with settings (keys: env names or flag names)");

  /** Every setting, in documentation order. */
  public static final List<Setting> ALL = List.of(
      VIP_ARP, BGP_ENABLE, VIP_ROUTINGTABLE, VIP_WIREGUARD, CP_ENABLE, SVC_ENABLE,
      ADDRESS, PORT, VIP_SUBNET, VIP_INTERFACE, VIP_SERVICESINTERFACE, VIP_ALLOW_INTERFACE_NOT_UP,
      VIP_INTERFACELOGLOBAL, VIP_NODENAME, VIP_DDNS, DNS_MODE, DHCP_MODE, DHCP_BACKOFF_ATTEMPTS, VIP_SKIPDAD,
      VIP_ARPRATE, VIP_PRESERVE_ON_LEADERSHIP_LOSS, VIP_LOSELEADERSHIP, VIP_LOSELEADERSHIP_TIMEOUT, ENABLE_NODE_LABELING,
      VIP_LEADERELECTION, LEADER_ELECTION_TYPE, VIP_LEASENAME, SVC_LEASENAME, VIP_LEASEDURATION, VIP_RENEWDEADLINE,
      VIP_RETRYPERIOD, VIP_LEASEANNOTATIONS, CP_NAMESPACE, SVC_ELECTION, PER_SERVICE_ELECTION_ON_DEMAND,
      ETCD_ENDPOINTS, ETCD_CA_CERT, ETCD_CERT, ETCD_KEY,
      SVC_NAMESPACE, LB_CLASS_ONLY, LB_CLASS_NAME, LB_CLASS_LEGACY_HANDLING, BUILTIN_IPAM, ENABLE_SERVICE_SECURITY,
      DISABLE_SERVICE_UPDATES, ENABLE_ENDPOINTS, DEBOUNCE_TIME, MIRROR_DEST_INTERFACE, ENABLE_UPNP,
      EGRESS_WITHNFTABLES, INSTANCE_NAME, EGRESS_PODCIDR, EGRESS_SERVICECIDR, EGRESS_ENABLEINTERNALSNAT, EGRESS_CLEAN,
      IPTABLES_BACKEND,
      LB_ENABLE, LB_PORT, LB_FWDMETHOD, BACKEND_HEALTH_CHECK_INTERVAL,
      BGP_AS, BGP_ROUTERID, BGP_ROUTERINTERFACE, BGP_PEERADDRESS, BGP_PEERAS, BGP_PEERPASS, BGP_MULTIHOP, BGP_PEERS,
      BGP_SOURCEIF, BGP_SOURCEIP, BGP_HOLD_TIME, BGP_KEEPALIVE_INTERVAL, BGP_GRACEFUL_RESTART,
      BGP_GRACEFUL_RESTART_TIME, BGP_ATTACH_IP_TO_INTERFACE,
      MPBGP_NEXTHOP, MPBGP_IPV4, MPBGP_IPV6, ANNOTATIONS, ZEBRA_ENABLE, ZEBRA_URL, ZEBRA_VERSION, ZEBRA_SOFTWARE_NAME,
      CP_HC_ADDRESS, CP_HC_PERIOD, CP_HC_TIMEOUT, CP_HC_FAILURE_THRESHOLD, CP_HC_CA_PATH,
      VIP_ROUTINGTABLEID, VIP_ROUTINGTABLETYPE, VIP_ROUTINGPROTOCOL, VIP_CLEANROUTINGTABLE,
      CP_DETECT, K8S_CONFIG_FILE, KUBERNETES_ADDR,
      PROMETHEUS_SERVER, HEALTH_CHECK_PORT, VIP_LOGLEVEL, LOG_FORMAT, NETNS, CONFIG_FILE);

  public static Optional<Setting> byEnv(String name) {
    return ALL.stream().filter(s -> name.equals(s.env()) || s.envAliases().contains(name)).findFirst();
  }

  /** By flag, with dashes ({@code --arp}) or without ({@code arp}). */
  public static Optional<Setting> byFlag(String name) {
    String dashed = name.startsWith("-") ? name : "--" + name;
    return ALL.stream().filter(s -> dashed.equals(s.flag()) || s.flagAliases().contains(dashed)).findFirst();
  }

  public static Optional<Setting> byProperty(String canonicalName) {
    return ALL.stream().filter(s -> s.property().equals(canonicalName)).findFirst();
  }

  private static Setting row(String area, String env, String flag, String property, SettingType type,
      String defaultValue, String description) {
    return new Setting(area, env, flag, property, type, defaultValue, false, description, List.of());
  }
}
