// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import java.io.IOException;
import java.net.Socket;

/**
 * Creates the unconnected TCP socket a session dials with. The default is {@code new Socket()}; tests create it
 * inside a network namespace (a socket belongs to the namespace it was created in), and a TCP-MD5 opener sets
 * the key before connecting.
 */
@FunctionalInterface
public interface SocketOpener {
  SocketOpener DEFAULT = (peer) -> new Socket();

  /** A fresh unconnected socket for a session to {@code peer}. */
  Socket open(BgpPeerConfig peer) throws IOException;
}
