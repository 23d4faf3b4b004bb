// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.jna;

import com.sun.jna.LastErrorException;
import io.kubevip.linux.error.SyscallException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Optional;

/**
 * A UDP socket with a fixed unicast TTL, for BFD: RFC 5881 §5 sends single-hop control packets with TTL 255 so
 * receivers can drop anything that crossed a router, and the JDK can set a TTL on multicast only. Created at once
 * in the calling thread's network namespace.
 */
public final class UdpTtlSocket implements AutoCloseable {
  static final int SOCK_DGRAM = 2;
  static final int AF_INET = 2;

  /** One received datagram. */
  public record Datagram(byte[] data, InetSocketAddress source) {}

  private final int fd;
  private final Sockets.RecvBuffer buffer = new Sockets.RecvBuffer(2048);
  private volatile boolean closed;

  private UdpTtlSocket(int fd) {
    this.fd = fd;
  }

  /** socket(AF_INET[6], SOCK_DGRAM, 0), bound to {@code local:port}, sending with {@code ttl}. */
  public static UdpTtlSocket open(InetAddress local, int port, int ttl) {
    boolean v6 = local instanceof Inet6Address;
    int fd = Sockets.open(v6 ? LibC.AF_INET6 : AF_INET, SOCK_DGRAM, 0, "a UDP socket for BFD", null);
    UdpTtlSocket s = new UdpTtlSocket(fd);
    try {
      Sockets.setInt(fd, v6 ? LibC.IPPROTO_IPV6 : TcpMd5Socket.IPPROTO_IP,
          v6 ? LibC.IPV6_UNICAST_HOPS : TcpMd5Socket.IP_TTL, ttl, "setting the TTL to " + ttl);
      byte[] sa = TcpMd5Socket.sockaddr(new InetSocketAddress(local, port));
      LibC.bind(fd, sa, sa.length);
      return s;
    } catch (LastErrorException e) {
      s.close();
      throw new SyscallException(e.getErrorCode(), "binding UDP " + local.getHostAddress() + ":" + port, null);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  public void send(byte[] payload, InetSocketAddress to) {
    byte[] sa = TcpMd5Socket.sockaddr(to);
    try {
      LibC.sendto(fd, payload, payload.length, 0, sa, sa.length);
    } catch (LastErrorException e) {
      throw new SyscallException(e.getErrorCode(), "sending UDP to " + to, null);
    }
  }

  /** The next datagram, or empty after {@code timeout}; one receiving thread at a time. */
  public Optional<Datagram> receive(Duration timeout) {
    if (closed) {
      return Optional.empty();
    }
    Sockets.setReceiveTimeout(fd, timeout);
    long n = buffer.receive(fd, "a BFD socket");
    if (n < 0) {
      return Optional.empty();
    }
    return Optional.of(new Datagram(buffer.bytes(n), source(buffer.sourceAddress())));
  }

  private static InetSocketAddress source(byte[] sa) {
    ByteBuffer b = ByteBuffer.wrap(sa).order(ByteOrder.nativeOrder());
    int family = b.getShort() & 0xffff;
    int port = ByteBuffer.wrap(sa, 2, 2).order(ByteOrder.BIG_ENDIAN).getShort() & 0xffff;
    byte[] addr = new byte[family == LibC.AF_INET6 ? 16 : 4];
    System.arraycopy(sa, family == LibC.AF_INET6 ? 8 : 4, addr, 0, addr.length);
    try {
      return new InetSocketAddress(InetAddress.getByAddress(addr), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        LibC.close(fd);
      } catch (LastErrorException ignored) {
        // already gone
      }
    }
  }
}
