// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.linux.NetNamespace;
import java.util.function.Supplier;

/**
 * Where an adapter opens its sockets: the calling thread's network namespace (production) or a given one (lab and
 * tests). A socket stays in the namespace it was opened in, so it may be used from any thread afterwards.
 */
final class Opener {
  private final NetNamespace namespace;

  private Opener(NetNamespace namespace) {
    this.namespace = namespace;
  }

  static Opener here() {
    return new Opener(null);
  }

  static Opener in(NetNamespace namespace) {
    return new Opener(java.util.Objects.requireNonNull(namespace, "namespace"));
  }

  <T> T open(Supplier<T> socket) {
    return namespace == null ? socket.get() : namespace.call(socket::get);
  }
}
