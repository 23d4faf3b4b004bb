// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.adapter.bgp.wire.AfiSafi;
import io.kubevip.adapter.bgp.wire.BgpDecodeException;
import io.kubevip.adapter.bgp.wire.BgpMessage;
import io.kubevip.adapter.bgp.wire.Capability;
import io.kubevip.adapter.bgp.wire.Keepalive;
import io.kubevip.adapter.bgp.wire.Open;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

/**
 * A raw BGP peer on loopback for tests: accepts the speaker's connection and lets the test read typed messages
 * and write any bytes, well-formed or not.
 */
final class TestPeer implements AutoCloseable {
  static final long AS = 65000;
  private final ServerSocket server;
  private Socket socket;
  private DataInputStream in;
  private OutputStream out;

  TestPeer() throws IOException {
    server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    server.setSoTimeout(10_000);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Waits for the speaker to connect (closing any earlier connection). */
  TestPeer accept() throws IOException {
    if (socket != null) {
      socket.close();
    }
    socket = server.accept();
    socket.setSoTimeout(10_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    return this;
  }

  /** Whether the speaker connects within {@code wait} (the connection is then closed again). */
  boolean connectionWithin(Duration wait) throws IOException {
    server.setSoTimeout((int) wait.toMillis());
    try (Socket s = server.accept()) {
      return s != null;
    } catch (SocketTimeoutException e) {
      return false;
    } finally {
      server.setSoTimeout(10_000);
    }
  }

  /** The next message, or null when the speaker closed the connection. */
  BgpMessage read() throws IOException, BgpDecodeException {
    return read(Duration.ofSeconds(10));
  }

  BgpMessage read(Duration timeout) throws IOException, BgpDecodeException {
    socket.setSoTimeout((int) timeout.toMillis());
    byte[] header = new byte[19];
    try {
      in.readFully(header);
    } catch (java.io.EOFException | java.net.SocketException closed) {
      return null;
    }
    int length = BgpMessage.frameLength(ByteBuffer.wrap(header));
    byte[] whole = new byte[length];
    System.arraycopy(header, 0, whole, 0, 19);
    in.readFully(whole, 19, length - 19);
    return BgpMessage.parse(ByteBuffer.wrap(whole));
  }

  /** The next message that is not a KEEPALIVE. */
  BgpMessage readSkippingKeepalives() throws IOException, BgpDecodeException {
    BgpMessage m;
    do {
      m = read();
    } while (m instanceof Keepalive);
    return m;
  }

  boolean closedBySpeaker(Duration within) throws IOException, BgpDecodeException {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      try {
        if (read(Duration.ofMillis(Math.max(1, (end - System.nanoTime()) / 1_000_000))) == null) {
          return true;
        }
      } catch (SocketTimeoutException e) {
        return false;
      }
    }
    return false;
  }

  void send(BgpMessage m) throws IOException {
    send(m.encode());
  }

  void send(byte[] raw) throws IOException {
    out.write(raw);
    out.flush();
  }

  static Open open(long as, int hold) {
    return Open.of(as, hold, (Inet4Address) ip("10.99.0.1"), List.of(
        new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST), new Capability.Multiprotocol(AfiSafi.IPV6_UNICAST),
        new Capability.RouteRefreshSupport()));
  }

  /** Accepts, answers OPEN + KEEPALIVE, and returns the speaker's OPEN once the speaker's KEEPALIVE arrived. */
  Open establish(int hold) throws IOException, BgpDecodeException {
    accept();
    Open theirs = (Open) read();
    send(open(AS, hold));
    send(Keepalive.INSTANCE);
    BgpMessage k = read();
    if (!(k instanceof Keepalive)) {
      throw new AssertionError("expected KEEPALIVE after OPEN, got " + k);
    }
    return theirs;
  }

  static InetAddress ip(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
    }
    server.close();
  }
}
