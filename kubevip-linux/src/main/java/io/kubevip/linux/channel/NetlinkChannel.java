// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.channel;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * A NETLINK_ROUTE socket: datagrams in, datagrams out. Not thread-safe; one request at a time.
 */
public interface NetlinkChannel extends AutoCloseable {

  /** Sends one datagram (one or more encoded netlink messages) to the kernel. */
  void send(byte[] datagram);

  /**
   * Waits up to {@code timeout} for one datagram; empty on timeout. Throws
   * {@link io.kubevip.linux.error.SyscallException} with ENOBUFS when multicast events overflowed.
   */
  Optional<ByteBuffer> receive(Duration timeout);

  /** Whether the socket was opened in the root network namespace (lab/test guard). */
  boolean inRootNamespace();

  @Override
  void close();
}
