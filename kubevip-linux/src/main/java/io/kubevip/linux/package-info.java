// SPDX-License-Identifier: Apache-2.0
/**
 * Shared Linux layer: rtnetlink, packet sockets, ICMPv6, sysctls, namespaces over JNA, so adapters
 * (ARP, routetable, DHCP, WireGuard) share one implementation instead of depending on each other.
 *
 * <p>Entry points: {@link io.kubevip.linux.Netlink} (links, addresses, routes, neighbours),
 * {@link io.kubevip.linux.NetlinkEvents} (change stream), {@link io.kubevip.linux.ArpSender} /
 * {@link io.kubevip.linux.ArpReceiver}, {@link io.kubevip.linux.NdpSender},
 * {@link io.kubevip.linux.Sysctls} and {@link io.kubevip.linux.NetNamespace}. Layout follows
 * vishvananda/netlink: {@code model} (records), {@code wire} (java.*-only codecs), {@code channel}
 * (one interface per socket kind), {@code jna} (the only package making system calls), {@code error}
 * (typed failures carrying errno and the operation in words).
 *
 * <p>Every socket lives in the network namespace of the thread that opened it. With
 * {@code -Dkubevip.refuseRootNamespace=true} (set by the test harness) every mutation refuses to run
 * against the root namespace.
 */
package io.kubevip.linux;
