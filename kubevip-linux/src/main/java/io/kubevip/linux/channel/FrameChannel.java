// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.channel;

import java.time.Duration;
import java.util.Optional;

/** An AF_PACKET SOCK_DGRAM socket bound to one interface and one EtherType (e.g. ARP). */
public interface FrameChannel extends AutoCloseable {

  /** Sends {@code payload} to {@code destinationMac}; the kernel adds the Ethernet header. */
  void send(byte[] payload, byte[] destinationMac);

  /** Waits up to {@code timeout} for one frame; empty on timeout. */
  Optional<Frame> receive(Duration timeout);

  boolean inRootNamespace();

  @Override
  void close();
}
