// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.channel;

import java.net.Inet6Address;

/** A raw ICMPv6 socket (hop limit 255 as NDP requires); the kernel fills in the checksum. */
public interface Icmpv6Channel extends AutoCloseable {

  /** Sends one ICMPv6 message to {@code destination} out of interface {@code linkIndex}. */
  void send(byte[] icmp, Inet6Address destination, int linkIndex);

  boolean inRootNamespace();

  @Override
  void close();
}
