// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.kubevip.linux.error.NativeUnavailableException;

/**
 * libc, direct-mapped. Only the classes of this package call it. Blocking receives take native
 * {@link Pointer} buffers so no Java array is pinned while a thread waits in the kernel.
 */
final class LibC {
  static final int AF_INET6 = 10;
  static final int AF_NETLINK = 16;
  static final int AF_PACKET = 17;
  static final int SOCK_DGRAM = 2;
  static final int SOCK_RAW = 3;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int SOL_SOCKET = 1;
  static final int SO_RCVBUF = 8;
  static final int SO_RCVTIMEO = 20;
  static final int SOL_NETLINK = 270;
  static final int NETLINK_CAP_ACK = 10;
  static final int NETLINK_EXT_ACK = 11;
  static final int IPPROTO_IPV6 = 41;
  static final int IPPROTO_ICMPV6 = 58;
  static final int IPV6_UNICAST_HOPS = 16;
  static final int IPV6_MULTICAST_IF = 17;
  static final int IPV6_MULTICAST_HOPS = 18;
  static final int O_RDONLY = 0;
  static final int O_CLOEXEC = 0x80000;
  static final int CLONE_NEWNET = 0x40000000;
  static final int EAGAIN = 11;
  static final int EINTR = 4;

  private static final Throwable LOAD_FAILURE;

  static {
    Throwable failure = null;
    try {
      Native.register(LibC.class, "c");
    } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError: reported, never fatal
      failure = t;
    }
    LOAD_FAILURE = failure;
  }

  private LibC() {}

  /** Throws a typed exception instead of letting a later call die with UnsatisfiedLinkError. */
  static void ensureLoaded() {
    if (LOAD_FAILURE != null) {
      throw new NativeUnavailableException(
          "cannot load libc through JNA (" + LOAD_FAILURE + "); netlink and raw sockets are unavailable",
          LOAD_FAILURE);
    }
  }

  // int socket(int domain, int type, int protocol);
  static native int socket(int domain, int type, int protocol) throws LastErrorException;

  // int bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen);
  static native int bind(int fd, byte[] addr, int addrlen) throws LastErrorException;

  // int getsockname(int sockfd, struct sockaddr *addr, socklen_t *addrlen);
  static native int getsockname(int fd, byte[] addr, int[] addrlen) throws LastErrorException;

  // int setsockopt(int sockfd, int level, int optname, const void *optval, socklen_t optlen);
  static native int setsockopt(int fd, int level, int optname, byte[] optval, int optlen)
      throws LastErrorException;

  // ssize_t sendto(int sockfd, const void *buf, size_t len, int flags,
  //                const struct sockaddr *dest_addr, socklen_t addrlen);
  static native long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrlen)
      throws LastErrorException;

  // ssize_t recvfrom(int sockfd, void *buf, size_t len, int flags,
  //                  struct sockaddr *src_addr, socklen_t *addrlen);
  static native long recvfrom(int fd, Pointer buf, long len, int flags, Pointer addr, Pointer addrlen)
      throws LastErrorException;

  // int connect(int sockfd, const struct sockaddr *addr, socklen_t addrlen);
  // Added for TCP-MD5 BGP sessions (TcpMd5Socket): the JDK cannot set TCP_MD5SIG on its own sockets.
  static native int connect(int fd, byte[] addr, int addrlen) throws LastErrorException;

  // int shutdown(int sockfd, int how);  -- wakes a reader blocked on a TCP socket before close
  static native int shutdown(int fd, int how) throws LastErrorException;

  // int close(int fd);
  static native int close(int fd) throws LastErrorException;

  // int open(const char *pathname, int flags);
  static native int open(String path, int flags) throws LastErrorException;

  // int setns(int fd, int nstype);
  static native int setns(int fd, int nstype) throws LastErrorException;
}
