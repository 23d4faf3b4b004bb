// SPDX-License-Identifier: Apache-2.0
/** DHCP-leased VIPs on macvlan links. */
package io.kubevip.adapter.dhcp;
