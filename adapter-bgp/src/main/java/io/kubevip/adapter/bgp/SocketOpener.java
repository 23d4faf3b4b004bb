// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import java.io.IOException;
import java.net.Socket;

/**
 * Creates the unconnected TCP socket a session dials with. The default is {@code new Socket()}. To dial from a
 * network namespace, the socket must be <em>bound</em> inside it: {@code java.net.Socket} creates its descriptor
 * lazily on first use, so {@code new Socket()} alone on a namespace thread still lands in the caller's namespace.
 * If the opener returns a bound socket, the session does not bind it again.
 */
@FunctionalInterface
public interface SocketOpener {
  SocketOpener DEFAULT = (peer) -> new Socket();

  /** A fresh unconnected socket for a session to {@code peer}. */
  Socket open(BgpPeerConfig peer) throws IOException;
}
