// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Supplier;

/**
 * Accepts connections on one channel and joins each to a fresh connection made by {@code dial}, copying bytes both
 * ways until either side closes. The lab uses it twice to let a test in the root namespace talk to the API in the
 * {@code api} namespace without any packet leaving loopback: a TCP listener on the root namespace's 127.0.0.1 dials
 * a Unix socket (a file, visible from every namespace), and the API process, inside its namespace, joins that Unix
 * socket to its own TCP port.
 */
final class SocketPipe implements AutoCloseable {
  private final ServerSocketChannel listener;
  private final Thread acceptor;
  private volatile boolean closed;

  private SocketPipe(ServerSocketChannel listener, Supplier<SocketChannel> dial, String name) {
    this.listener = listener;
    this.acceptor = new Thread(() -> accept(dial, name), name + "-accept");
    this.acceptor.setDaemon(true);
  }

  /** Starts piping connections accepted on {@code listener} to {@code dial}; returns at once. */
  static SocketPipe start(ServerSocketChannel listener, Supplier<SocketChannel> dial, String name) {
    SocketPipe pipe = new SocketPipe(listener, dial, name);
    pipe.acceptor.start();
    return pipe;
  }

  /** A {@code dial} for {@code target}, opened and connected on the calling thread. */
  static Supplier<SocketChannel> dialer(SocketAddress target) {
    return () -> {
      try {
        return SocketChannel.open(target);
      } catch (IOException e) {
        throw new LabException("cannot reach " + target + ": " + e.getMessage(), e);
      }
    };
  }

  SocketAddress localAddress() {
    try {
      return listener.getLocalAddress();
    } catch (IOException e) {
      throw new LabException("pipe listener is closed", e);
    }
  }

  private void accept(Supplier<SocketChannel> dial, String name) {
    while (!closed) {
      SocketChannel in;
      try {
        in = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      SocketChannel out;
      try {
        out = dial.get();
      } catch (RuntimeException e) {
        closeQuietly(in);
        continue;
      }
      copy(in, out, name + "-up");
      copy(out, in, name + "-down");
    }
  }

  private static void copy(SocketChannel from, SocketChannel to, String name) {
    Thread t = new Thread(() -> {
      ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
      try {
        while (from.read(buf) >= 0) {
          buf.flip();
          while (buf.hasRemaining()) {
            to.write(buf);
          }
          buf.clear();
        }
      } catch (IOException e) {
        // either side went away: close both below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(SocketChannel c) {
    try {
      c.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
