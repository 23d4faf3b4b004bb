// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

/** Modes and features that need code of their own; see {@link FeatureAvailability} for which exist yet. */
public enum Feature {
  ARP, SERVICES, BGP, ROUTING_TABLE, WIREGUARD, UPNP, DHCP, IPVS, ETCD_ELECTION, ZEBRA, SERVICE_SECURITY, TRAFFIC_MIRROR,
  PRESERVE_ON_LEADERSHIP_LOSS, DNS_NAMES
}
