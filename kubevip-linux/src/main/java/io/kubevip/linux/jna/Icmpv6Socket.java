// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.jna;

import com.sun.jna.LastErrorException;
import io.kubevip.linux.channel.Icmpv6Channel;
import io.kubevip.linux.error.SyscallException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6) with unicast and multicast hop limit 255, which
 * RFC 4861 §7.1 requires receivers to check; the kernel computes the ICMPv6 checksum.
 *
 * <pre>
 * struct sockaddr_in6 { sa_family_t sin6_family; in_port_t sin6_port; uint32_t sin6_flowinfo;
 *                       struct in6_addr sin6_addr; uint32_t sin6_scope_id; };  // 28 bytes
 * </pre>
 */
public final class Icmpv6Socket implements Icmpv6Channel {
  private static final int SOCKADDR_IN6 = 28;
  private final int fd;
  private final boolean root;
  private boolean closed;

  private Icmpv6Socket(int fd, boolean root) {
    this.fd = fd;
    this.root = root;
  }

  public static Icmpv6Socket open() {
    int fd = Sockets.open(LibC.AF_INET6, LibC.SOCK_RAW, LibC.IPPROTO_ICMPV6, "a raw ICMPv6 socket",
        "CAP_NET_RAW");
    try {
      Sockets.setInt(fd, LibC.IPPROTO_IPV6, LibC.IPV6_MULTICAST_HOPS, 255, "setting IPV6_MULTICAST_HOPS");
      Sockets.setInt(fd, LibC.IPPROTO_IPV6, LibC.IPV6_UNICAST_HOPS, 255, "setting IPV6_UNICAST_HOPS");
      return new Icmpv6Socket(fd, Namespaces.currentThreadInRootNamespace());
    } catch (RuntimeException e) {
      Sockets.close(fd);
      throw e;
    }
  }

  @Override
  public void send(byte[] icmp, Inet6Address destination, int linkIndex) {
    ByteBuffer sa = ByteBuffer.allocate(SOCKADDR_IN6).order(ByteOrder.nativeOrder());
    sa.putShort((short) LibC.AF_INET6).putShort((short) 0).putInt(0);
    sa.put(destination.getAddress()).putInt(linkIndex);
    try {
      Sockets.setInt(fd, LibC.IPPROTO_IPV6, LibC.IPV6_MULTICAST_IF, linkIndex, "setting IPV6_MULTICAST_IF");
      LibC.sendto(fd, icmp, icmp.length, 0, sa.array(), SOCKADDR_IN6);
    } catch (LastErrorException e) {
      throw new SyscallException(e.getErrorCode(),
          "sending ICMPv6 to " + destination.getHostAddress() + " on ifindex " + linkIndex, "CAP_NET_RAW");
    }
  }

  @Override
  public boolean inRootNamespace() {
    return root;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      Sockets.close(fd);
    }
  }
}
