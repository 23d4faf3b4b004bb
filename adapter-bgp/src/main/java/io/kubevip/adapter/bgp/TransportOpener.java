// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.linux.jna.UdpTtlSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Creates the unconnected transport a session dials with. The default uses a JDK socket, or a libc socket when
 * the peer has an MD5 password or a multihop TTL. To dial from a network namespace, the transport must be
 * created <em>and bound</em> inside it: {@code java.net.Socket} creates its descriptor lazily on first use, so
 * {@code new Socket()} alone on a namespace thread still lands in the caller's namespace. A session never binds
 * a transport that is already bound.
 */
@FunctionalInterface
public interface TransportOpener {
  TransportOpener DEFAULT = peer -> peer.md5Password().isPresent() || peer.multihopTtl() > 0
      ? BgpTransport.nativeSocket(peer.address(), peer.password())
      : BgpTransport.of(new Socket());

  /** A fresh unconnected transport for a session to {@code peer}. */
  BgpTransport open(BgpPeerConfig peer) throws IOException;

  /** A BFD socket (RFC 5881: TTL 255) bound to {@code local:port}, in the same namespace as the sessions. */
  default UdpTtlSocket openBfdSocket(InetAddress local, int port) {
    return UdpTtlSocket.open(local, port, 255);
  }
}
