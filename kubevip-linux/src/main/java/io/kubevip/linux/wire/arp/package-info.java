// SPDX-License-Identifier: Apache-2.0
/** ARP for Ethernet/IPv4 (RFC 826, gratuitous forms per RFC 5227), without the Ethernet header. */
package io.kubevip.linux.wire.arp;
