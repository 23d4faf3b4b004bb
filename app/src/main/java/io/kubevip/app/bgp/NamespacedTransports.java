// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.bgp;

import io.kubevip.adapter.bgp.BgpPeerConfig;
import io.kubevip.adapter.bgp.BgpTransport;
import io.kubevip.adapter.bgp.TransportOpener;
import io.kubevip.linux.NetNamespace;
import io.kubevip.linux.jna.UdpTtlSocket;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * BGP sockets that live in {@code kubevip_netns}. A {@code java.net.Socket} gets its descriptor on first use, on the
 * thread that uses it, so creating one on a namespace thread is not enough: each transport is created <em>and
 * bound</em> (to {@code bgp_sourceip} or the wildcard) on the namespace's thread, and the session never re-binds a
 * bound transport. The BFD socket and interface look-ups run there too.
 */
public final class NamespacedTransports implements TransportOpener {
  private final NetNamespace namespace;

  public NamespacedTransports(NetNamespace namespace) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  @Override
  public BgpTransport open(BgpPeerConfig peer) throws IOException {
    return namespace.call(() -> {
      BgpTransport t = TransportOpener.DEFAULT.open(peer);
      try {
        t.bind(peer.sourceAddress() != null ? peer.sourceAddress() : wildcard(peer.address()));
      } catch (IOException | RuntimeException e) {
        t.close();
        throw e;
      }
      return t;
    });
  }

  @Override
  public UdpTtlSocket openBfdSocket(InetAddress local, int port) {
    return namespace.call(() -> UdpTtlSocket.open(local, port, 255));
  }

  /** The addresses of {@code name} in the namespace, empty when it has no such interface. */
  public List<InetAddress> interfaceAddresses(String name) {
    return namespace.call(() -> addressesOf(name));
  }

  /** The addresses of {@code name} in the calling thread's namespace, empty when there is no such interface. */
  public static List<InetAddress> addressesOf(String name) {
    try {
      NetworkInterface nif = NetworkInterface.getByName(name);
      return nif == null ? List.of() : Collections.list(nif.getInetAddresses()).stream()
          .map(NamespacedTransports::withoutScope).toList();
    } catch (SocketException e) {
      throw new IllegalArgumentException("cannot read the addresses of interface " + name + ": " + e.getMessage(), e);
    }
  }

  private static InetAddress withoutScope(InetAddress a) {
    try {
      return InetAddress.getByAddress(a.getAddress());
    } catch (UnknownHostException e) {
      return a;
    }
  }

  private static InetAddress wildcard(InetAddress peer) throws UnknownHostException {
    return InetAddress.getByAddress(new byte[peer instanceof Inet4Address ? 4 : 16]);
  }
}
