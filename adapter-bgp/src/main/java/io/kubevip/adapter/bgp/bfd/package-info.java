// SPDX-License-Identifier: Apache-2.0
/**
 * BFD (RFC 5880, single hop RFC 5881) for BGP sessions: {@link io.kubevip.adapter.bgp.bfd.BfdPacket} is the
 * control packet codec (java.* only); the session state machine drives it over a UDP socket.
 */
package io.kubevip.adapter.bgp.bfd;
