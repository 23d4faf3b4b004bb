// SPDX-License-Identifier: Apache-2.0
/**
 * The control-plane VIP in ARP mode as plain Java (no Spring): campaign, serve, re-announce, give up on link loss,
 * withdraw before release. The {@code boot} package wires it and maps Spring's lifecycle onto it.
 */
package io.kubevip.app.controlplane;
