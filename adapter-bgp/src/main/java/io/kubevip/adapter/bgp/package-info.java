// SPDX-License-Identifier: Apache-2.0
/**
 * BGP mode: an announce-only BGP-4 speaker ({@link io.kubevip.adapter.bgp.BgpSpeaker}, the one public entry
 * point implementing {@code BgpAdvertisementPort}) with optional BFD.
 *
 * <p>Design choices, and why:
 * <ul>
 *   <li>One platform thread per peer with blocking sockets ({@code PeerSession}): the RFC 4271 FSM reads like
 *       the RFC, the hold timer is the read timeout, and a handful of peers never needs NIO. Writes go through one
 *       single-thread writer per connection so the table dump and later incremental UPDATEs keep their order.</li>
 *   <li>Connect-only, like kube-vip (no listener, so no connection collisions). Connect retry backs off
 *       exponentially with jitter (Resilience4j {@code IntervalFunction}), reset after each Established.</li>
 *   <li>TCP MD5 (RFC 2385) and multihop TTL need {@code setsockopt} calls the JDK does not offer and a
 *       descriptor it does not hand out, so those sessions run over a libc socket opened in kubevip-linux
 *       ({@code io.kubevip.linux.jna.TcpMd5Socket}) behind {@link io.kubevip.adapter.bgp.BgpTransport}; the JDK
 *       socket is used otherwise. No reflection into {@code sun.nio.ch}, no {@code --add-opens}.</li>
 *   <li>Namespaces: {@code java.net.Socket} creates its descriptor lazily, on whichever thread first needs it,
 *       so a {@link io.kubevip.adapter.bgp.TransportOpener} for a namespace must create <em>and bind</em> the
 *       socket there. Under {@code kubevip.refuseRootNamespace=true} (the test harness) unbound sockets are
 *       refused.</li>
 *   <li>Received UPDATEs are decoded and classified (RFC 7606) but never installed; malformed ones are counted
 *       and logged, fatal ones answered with the NOTIFICATION RFC 4271 §6 names.</li>
 * </ul>
 */
package io.kubevip.adapter.bgp;
