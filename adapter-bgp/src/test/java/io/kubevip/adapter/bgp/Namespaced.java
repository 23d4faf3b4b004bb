// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.linux.jna.UdpTtlSocket;
import io.kubevip.testkit.netns.Topology;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Transport openers for speakers that live in a test namespace. */
final class Namespaced {
  private Namespaced() {}

  /**
   * Creates and binds the socket on the namespace's thread to the node's own address of the peer's family. The
   * bind forces the descriptor into existence there ({@code new Socket()} alone is lazy) and fails if the socket
   * is anywhere else, because the address exists only inside the namespace. Peers with a password or TTL get
   * the libc socket, as in production; BFD sockets are opened (and bound) in the namespace too.
   */
  static TransportOpener opener(Topology t, String role) {
    return new TransportOpener() {
      @Override
      public BgpTransport open(BgpPeerConfig peer) throws IOException {
        return t.namespace(role).call(() -> {
          InetAddress local = InetAddress.getByName(
              peer.address().getAddress().length == 4 ? t.ipv4(role) : t.ipv6(role));
          if (peer.md5Password().isPresent() || peer.multihopTtl() > 0) {
            BgpTransport n = BgpTransport.nativeSocket(peer.address(), peer.password());
            n.bind(local);
            return n;
          }
          Socket s = new Socket();
          s.bind(new InetSocketAddress(local, 0));
          return BgpTransport.of(s);
        });
      }

      @Override
      public UdpTtlSocket openBfdSocket(InetAddress local, int port) {
        return t.namespace(role).call(() -> UdpTtlSocket.open(local, port, 255));
      }
    };
  }
}
