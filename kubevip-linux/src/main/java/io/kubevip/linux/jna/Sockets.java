// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.kubevip.linux.error.SyscallException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/** Shared socket plumbing for the channel classes: errno translation, timeouts, receive. */
final class Sockets {
  private Sockets() {}

  static int open(int domain, int type, int protocol, String what, String capability) {
    LibC.ensureLoaded();
    try {
      return LibC.socket(domain, type | LibC.SOCK_CLOEXEC, protocol);
    } catch (LastErrorException e) {
      throw new SyscallException(e.getErrorCode(), "opening " + what, capability);
    }
  }

  static void setInt(int fd, int level, int opt, int value, String what) {
    byte[] v = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    try {
      LibC.setsockopt(fd, level, opt, v, 4);
    } catch (LastErrorException e) {
      throw new SyscallException(e.getErrorCode(), what, "CAP_NET_ADMIN");
    }
  }

  /** SO_RCVTIMEO as struct timeval { long tv_sec; long tv_usec; } (64-bit). */
  static void setReceiveTimeout(int fd, Duration timeout) {
    long micros = Math.max(1000, timeout.toNanos() / 1000);
    byte[] tv =
        ByteBuffer.allocate(16)
            .order(ByteOrder.nativeOrder())
            .putLong(micros / 1_000_000)
            .putLong(micros % 1_000_000)
            .array();
    try {
      LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, tv, 16);
    } catch (LastErrorException e) {
      throw new SyscallException(e.getErrorCode(), "setting a receive timeout", null);
    }
  }

  /** A receive buffer with room for the source sockaddr; reused by one thread. */
  static final class RecvBuffer {
    final Memory data;
    final Memory addr = new Memory(128);
    final Memory addrLen = new Memory(4);

    RecvBuffer(int size) {
      data = new Memory(size);
    }

    /** Returns the received byte count, or -1 on timeout (EAGAIN) or EINTR. */
    long receive(int fd, String what) {
      addrLen.setInt(0, 128);
      try {
        return LibC.recvfrom(fd, data, data.size(), 0, addr, addrLen);
      } catch (LastErrorException e) {
        if (e.getErrorCode() == LibC.EAGAIN || e.getErrorCode() == LibC.EINTR) {
          return -1;
        }
        throw new SyscallException(e.getErrorCode(), "receiving on " + what, null);
      }
    }

    byte[] bytes(long n) {
      return data.getByteArray(0, (int) n);
    }

    byte[] sourceAddress() {
      return addr.getByteArray(0, Math.min(128, addrLen.getInt(0)));
    }
  }

  static void close(int fd) {
    try {
      LibC.close(fd);
    } catch (LastErrorException ignored) {
      // close(2) errors leave nothing to retry: the descriptor is gone either way
    }
  }
}
