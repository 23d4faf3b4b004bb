// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.linux.jna.TcpMd5Socket;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The TCP connection of one BGP session, behind a tiny interface (STYLE rule 14) so a session runs over a JDK
 * socket or over a libc socket with a TCP MD5 key or TTL ({@link TcpMd5Socket}), which the JDK cannot set.
 */
public interface BgpTransport extends Closeable {
  /** A JDK socket; it cannot carry MD5 keys or a TTL. */
  static BgpTransport of(Socket socket) {
    return new JdkTransport(socket);
  }

  /**
   * A libc socket created now, in the calling thread's network namespace, with the MD5 key for {@code peer}
   * installed unless {@code key} is empty.
   */
  static BgpTransport nativeSocket(InetAddress peer, String key) {
    return new NativeTransport(TcpMd5Socket.open(peer, key));
  }

  void bind(InetAddress local) throws IOException;

  boolean isBound();

  void connect(InetSocketAddress remote, Duration timeout) throws IOException;

  /** Reads block at most this long (the hold timer); zero waits forever. */
  void setReadTimeout(Duration timeout) throws IOException;

  /** IP TTL for eBGP multihop; throws {@link UnsupportedOperationException} where the socket cannot. */
  void setTtl(int ttl) throws IOException;

  InputStream input() throws IOException;

  OutputStream output() throws IOException;

  InetAddress localAddress() throws IOException;

  @Override
  void close();

  /** {@link java.net.Socket} based. */
  final class JdkTransport implements BgpTransport {
    private final Socket socket;

    JdkTransport(Socket socket) {
      this.socket = socket;
    }

    @Override
    public void bind(InetAddress local) throws IOException {
      socket.bind(new InetSocketAddress(local, 0));
    }

    @Override
    public boolean isBound() {
      return socket.isBound();
    }

    @Override
    public void connect(InetSocketAddress remote, Duration timeout) throws IOException {
      socket.setTcpNoDelay(true);
      socket.connect(remote, (int) timeout.toMillis());
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
      socket.setSoTimeout((int) timeout.toMillis());
    }

    @Override
    public void setTtl(int ttl) {
      throw new UnsupportedOperationException("java.net.Socket cannot set an IP TTL; use a native transport");
    }

    @Override
    public InputStream input() throws IOException {
      return socket.getInputStream();
    }

    @Override
    public OutputStream output() throws IOException {
      return socket.getOutputStream();
    }

    @Override
    public InetAddress localAddress() {
      return socket.getLocalAddress();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing: nothing left to do
      }
    }
  }

  /** libc based, for TCP MD5 and TTL. */
  final class NativeTransport implements BgpTransport {
    private final TcpMd5Socket socket;

    NativeTransport(TcpMd5Socket socket) {
      this.socket = socket;
    }

    @Override
    public void bind(InetAddress local) throws IOException {
      socket.bind(local);
    }

    @Override
    public boolean isBound() {
      return socket.isBound();
    }

    @Override
    public void connect(InetSocketAddress remote, Duration timeout) throws IOException {
      socket.connect(remote, timeout);
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
      socket.setReadTimeout(timeout);
    }

    @Override
    public void setTtl(int ttl) {
      socket.setTtl(ttl);
    }

    @Override
    public InputStream input() {
      return socket.inputStream();
    }

    @Override
    public OutputStream output() {
      return socket.outputStream();
    }

    @Override
    public InetAddress localAddress() throws IOException {
      return socket.localAddress();
    }

    @Override
    public void close() {
      socket.close();
    }
  }
}
