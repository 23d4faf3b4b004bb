// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import io.kubevip.linux.channel.Icmpv6Channel;
import java.net.Inet6Address;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link Icmpv6Channel} that records what NDP code sends, for tests without privileges. */
public final class InMemoryIcmpv6Channel implements Icmpv6Channel {
  /** One ICMPv6 message handed to {@link #send}. */
  public record Sent(byte[] icmp, Inet6Address destination, int linkIndex) {}

  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  @Override
  public void send(byte[] icmp, Inet6Address destination, int linkIndex) {
    if (closed) {
      throw new IllegalStateException("send on a closed InMemoryIcmpv6Channel");
    }
    sent.add(new Sent(icmp.clone(), destination, linkIndex));
  }

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  @Override
  public boolean inRootNamespace() {
    return false;
  }

  @Override
  public void close() {
    closed = true;
  }
}
