// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.kubevip.linux.error.SyscallException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A blocking TCP client socket opened through libc, for BGP sessions protected by TCP MD5 (RFC 2385): the key
 * must be set with {@code setsockopt(IPPROTO_TCP, TCP_MD5SIG)} before {@code connect}, and the JDK neither has
 * that option nor hands out its descriptors. The descriptor is created in the calling thread's network
 * namespace, at once. Equivalent to the {@code password} line of a BIRD or GoBGP neighbour.
 *
 * <p>One reader thread and one writer thread may use it concurrently, as with {@link java.net.Socket}.
 */
public final class TcpMd5Socket implements AutoCloseable {
  static final int SOCK_STREAM = 1;
  static final int AF_INET = 2;
  static final int IPPROTO_IP = 0;
  static final int IPPROTO_TCP = 6;
  static final int IP_TTL = 2;
  static final int TCP_NODELAY = 1;
  /** linux/tcp.h: {@code #define TCP_MD5SIG 14}. */
  static final int TCP_MD5SIG = 14;
  /** linux/tcp.h: {@code #define TCP_MD5SIG_MAXKEYLEN 80}. */
  public static final int TCP_MD5SIG_MAXKEYLEN = 80;
  static final int SO_SNDTIMEO = 21;
  static final int ETIMEDOUT = 110;
  static final int EINPROGRESS = 115;

  private final int fd;
  private final boolean ipv6;
  private volatile boolean closed;
  private volatile boolean bound;

  private TcpMd5Socket(int fd, boolean ipv6) {
    this.fd = fd;
    this.ipv6 = ipv6;
  }

  /**
   * Opens a TCP socket of {@code peer}'s family and, unless {@code key} is empty, installs the MD5 key for
   * {@code peer}.
   *
   * @throws SyscallException naming the failing call and errno (e.g. ENOPROTOOPT without CONFIG_TCP_MD5SIG)
   */
  public static TcpMd5Socket open(InetAddress peer, String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    if (k.length > TCP_MD5SIG_MAXKEYLEN) {
      throw new IllegalArgumentException("TCP MD5 key of " + k.length + " octets exceeds "
          + TCP_MD5SIG_MAXKEYLEN + " (TCP_MD5SIG_MAXKEYLEN)");
    }
    boolean v6 = peer instanceof Inet6Address;
    int fd = Sockets.open(v6 ? LibC.AF_INET6 : AF_INET, SOCK_STREAM, 0, "a TCP socket for BGP", null);
    TcpMd5Socket s = new TcpMd5Socket(fd, v6);
    try {
      if (k.length > 0) {
        byte[] sig = md5sig(peer, k);
        LibC.setsockopt(fd, IPPROTO_TCP, TCP_MD5SIG, sig, sig.length);
      }
      Sockets.setInt(fd, IPPROTO_TCP, TCP_NODELAY, 1, "setting TCP_NODELAY");
      return s;
    } catch (LastErrorException e) {
      s.close();
      throw new SyscallException(e.getErrorCode(), "setting TCP_MD5SIG for " + peer.getHostAddress(), null);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /**
   * struct tcp_md5sig (linux/tcp.h), 216 octets:
   * <pre>
   * struct __kernel_sockaddr_storage tcpm_addr;  // 128: the peer, port ignored
   * __u8  tcpm_flags;                             // 0: no prefix, no ifindex
   * __u8  tcpm_prefixlen;
   * __u16 tcpm_keylen;
   * int   tcpm_ifindex;
   * __u8  tcpm_key[TCP_MD5SIG_MAXKEYLEN];         // 80
   * </pre>
   */
  static byte[] md5sig(InetAddress peer, byte[] key) {
    ByteBuffer b = ByteBuffer.allocate(216).order(ByteOrder.nativeOrder());
    b.put(sockaddr(new InetSocketAddress(peer, 0)));
    b.position(128);
    b.put((byte) 0).put((byte) 0).putShort((short) key.length).putInt(0).put(key);
    return b.array();
  }

  /** struct sockaddr_in (16 octets) or sockaddr_in6 (28 octets); port and address in network order. */
  static byte[] sockaddr(InetSocketAddress a) {
    byte[] addr = a.getAddress().getAddress();
    ByteBuffer b = ByteBuffer.allocate(addr.length == 16 ? 28 : 16).order(ByteOrder.nativeOrder());
    b.putShort((short) (addr.length == 16 ? LibC.AF_INET6 : AF_INET));
    b.order(ByteOrder.BIG_ENDIAN).putShort((short) a.getPort());
    if (addr.length == 16) {
      b.putInt(0).put(addr).order(ByteOrder.nativeOrder())
          .putInt(a.getAddress() instanceof Inet6Address i6 ? i6.getScopeId() : 0);
    } else {
      b.put(addr);
    }
    return b.array();
  }

  /** Equivalent to bind(2) on {@code local}, port chosen by the kernel. */
  public void bind(InetAddress local) throws IOException {
    byte[] sa = sockaddr(new InetSocketAddress(local, 0));
    try {
      LibC.bind(fd, sa, sa.length);
      bound = true;
    } catch (LastErrorException e) {
      throw new IOException("bind to " + local.getHostAddress() + ": " + errno(e));
    }
  }

  public boolean isBound() {
    return bound;
  }

  /** connect(2) with SO_SNDTIMEO as the timeout (Linux applies it to connect). */
  public void connect(InetSocketAddress remote, Duration timeout) throws IOException {
    setTimeout(SO_SNDTIMEO, timeout);
    byte[] sa = sockaddr(remote);
    try {
      LibC.connect(fd, sa, sa.length);
      bound = true;
    } catch (LastErrorException e) {
      if (e.getErrorCode() == EINPROGRESS || e.getErrorCode() == ETIMEDOUT) {
        throw new SocketTimeoutException("connect to " + remote + " timed out after " + timeout);
      }
      throw new IOException("connect to " + remote + ": " + errno(e));
    } finally {
      setTimeout(SO_SNDTIMEO, Duration.ZERO);
    }
  }

  /** IP_TTL / IPV6_UNICAST_HOPS, for eBGP multihop. */
  public void setTtl(int ttl) {
    Sockets.setInt(fd, ipv6 ? LibC.IPPROTO_IPV6 : IPPROTO_IP, ipv6 ? LibC.IPV6_UNICAST_HOPS : IP_TTL, ttl,
        "setting the TTL to " + ttl);
  }

  /** SO_RCVTIMEO; zero waits forever. A read that times out throws {@link SocketTimeoutException}. */
  public void setReadTimeout(Duration timeout) throws IOException {
    setTimeout(LibC.SO_RCVTIMEO, timeout);
  }

  private void setTimeout(int option, Duration timeout) throws IOException {
    long micros = timeout.toNanos() / 1000;
    byte[] tv = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).putLong(micros / 1_000_000)
        .putLong(micros % 1_000_000).array();
    try {
      LibC.setsockopt(fd, LibC.SOL_SOCKET, option, tv, 16);
    } catch (LastErrorException e) {
      throw new IOException("setting a socket timeout: " + errno(e));
    }
  }

  /** getsockname(2): the local address the kernel chose. */
  public InetAddress localAddress() throws IOException {
    byte[] sa = new byte[128];
    int[] len = {128};
    try {
      LibC.getsockname(fd, sa, len);
      ByteBuffer b = ByteBuffer.wrap(sa).order(ByteOrder.nativeOrder());
      int family = b.getShort() & 0xffff;
      byte[] addr = new byte[family == LibC.AF_INET6 ? 16 : 4];
      System.arraycopy(sa, family == LibC.AF_INET6 ? 8 : 4, addr, 0, addr.length);
      return InetAddress.getByAddress(addr);
    } catch (LastErrorException e) {
      throw new IOException("getsockname: " + errno(e));
    } catch (UnknownHostException e) {
      throw new IOException(e);
    }
  }

  public InputStream inputStream() {
    return new InputStream() {
      private final Memory buf = new Memory(8192);

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        long n;
        try {
          n = LibC.recvfrom(fd, buf, Math.min(len, buf.size()), 0, null, null);
        } catch (LastErrorException e) {
          if (e.getErrorCode() == LibC.EAGAIN) {
            throw new SocketTimeoutException("read timed out");
          }
          throw new IOException("read: " + errno(e));
        }
        if (n == 0) {
          return -1;
        }
        buf.read(0, b, off, (int) n);
        return (int) n;
      }
    };
  }

  public OutputStream outputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        byte[] chunk = off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len);
        int done = 0;
        while (done < len) {
          byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, len);
          try {
            done += (int) LibC.sendto(fd, rest, rest.length, MSG_NOSIGNAL, null, 0);
          } catch (LastErrorException e) {
            if (e.getErrorCode() != LibC.EINTR) {
              throw new IOException("write: " + errno(e));
            }
          }
        }
      }
    };
  }

  /** MSG_NOSIGNAL: a write to a reset connection fails with EPIPE instead of killing the JVM with SIGPIPE. */
  static final int MSG_NOSIGNAL = 0x4000;

  private static String errno(LastErrorException e) {
    return new SyscallException(e.getErrorCode(), "", null).errnoName();
  }

  /** Closes the descriptor; a thread blocked in read returns (shutdown first so it wakes). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      LibC.shutdown(fd, 2);
    } catch (LastErrorException ignored) {
      // not connected: nothing to wake
    }
    try {
      LibC.close(fd);
    } catch (LastErrorException ignored) {
      // already gone
    }
  }
}
