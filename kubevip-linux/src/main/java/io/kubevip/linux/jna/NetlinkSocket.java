// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.jna;

import com.sun.jna.LastErrorException;
import io.kubevip.linux.channel.NetlinkChannel;
import io.kubevip.linux.error.SyscallException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Optional;

/**
 * A NETLINK_ROUTE socket in the network namespace of the thread that opened it.
 *
 * <pre>
 * struct sockaddr_nl { sa_family_t nl_family; unsigned short nl_pad; __u32 nl_pid; __u32 nl_groups; };
 * </pre>
 */
public final class NetlinkSocket implements NetlinkChannel {
  private static final int NETLINK_ROUTE = 0;
  private static final int SOCKADDR_NL = 12;
  private static final int BUFFER = 1 << 16;

  private final int fd;
  private final boolean root;
  private final Sockets.RecvBuffer buffer = new Sockets.RecvBuffer(BUFFER);
  private Duration currentTimeout = Duration.ZERO;
  private volatile boolean closed;

  private NetlinkSocket(int fd, boolean root) {
    this.fd = fd;
    this.root = root;
  }

  /** A request/response socket. Equivalent to what {@code ip} opens for each command. */
  public static NetlinkSocket open() {
    return open(0);
  }

  /** A socket that also receives the RTMGRP_* multicast groups in {@code groups} (a bitmask). */
  public static NetlinkSocket open(int groups) {
    int fd = Sockets.open(LibC.AF_NETLINK, LibC.SOCK_RAW, NETLINK_ROUTE, "a NETLINK_ROUTE socket", null);
    try {
      bestEffort(fd, LibC.NETLINK_EXT_ACK);
      bestEffort(fd, LibC.NETLINK_CAP_ACK);
      if (groups != 0) {
        Sockets.setInt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, 1 << 20, "enlarging the event socket buffer");
      }
      byte[] sa = ByteBuffer.allocate(SOCKADDR_NL).order(ByteOrder.nativeOrder())
          .putShort((short) LibC.AF_NETLINK).putShort((short) 0).putInt(0).putInt(groups).array();
      try {
        LibC.bind(fd, sa, SOCKADDR_NL);
      } catch (LastErrorException e) {
        throw new SyscallException(e.getErrorCode(), "binding a netlink socket to groups 0x"
            + Integer.toHexString(groups), "CAP_NET_ADMIN");
      }
      return new NetlinkSocket(fd, Namespaces.currentThreadInRootNamespace());
    } catch (RuntimeException e) {
      Sockets.close(fd);
      throw e;
    }
  }

  private static void bestEffort(int fd, int opt) {
    try {
      Sockets.setInt(fd, LibC.SOL_NETLINK, opt, 1, "netlink option " + opt);
    } catch (SyscallException older) {
      // kernels before 4.12 lack extended acks; errors then carry no kernel text
    }
  }

  @Override
  public void send(byte[] datagram) {
    byte[] kernel = ByteBuffer.allocate(SOCKADDR_NL).order(ByteOrder.nativeOrder())
        .putShort((short) LibC.AF_NETLINK).array();
    try {
      LibC.sendto(fd, datagram, datagram.length, 0, kernel, SOCKADDR_NL);
    } catch (LastErrorException e) {
      throw new SyscallException(e.getErrorCode(), "sending a netlink request", "CAP_NET_ADMIN");
    }
  }

  @Override
  public Optional<ByteBuffer> receive(Duration timeout) {
    if (!timeout.equals(currentTimeout)) {
      Sockets.setReceiveTimeout(fd, timeout);
      currentTimeout = timeout;
    }
    long n = buffer.receive(fd, "a netlink socket");
    if (n < 0) {
      return Optional.empty();
    }
    return Optional.of(ByteBuffer.wrap(buffer.bytes(n)).order(ByteOrder.nativeOrder()));
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
