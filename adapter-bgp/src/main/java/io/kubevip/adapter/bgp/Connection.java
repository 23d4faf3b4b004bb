// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.adapter.bgp.bfd.BfdSession;
import io.kubevip.adapter.bgp.wire.AsFormat;
import io.kubevip.adapter.bgp.wire.BgpDecodeException;
import io.kubevip.adapter.bgp.wire.BgpMessage;
import io.kubevip.adapter.bgp.wire.Notification;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection of a session: framed reads on the session thread, and one single-thread writer so every
 * message (OPEN, KEEPALIVE, UPDATE, NOTIFICATION) leaves in the order it was queued, whoever queued it.
 */
final class Connection {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);

  private final BgpTransport transport;
  private final String peerName;
  private final Consumer<Notification> onSent;
  private final DataInputStream in;
  private final OutputStream out;
  private final ExecutorService writer;
  volatile Negotiated negotiated;
  volatile RouteEncoder encoder;
  volatile ScheduledFuture<?> keepalives;
  volatile BfdSession bfd;

  Connection(BgpTransport transport, String peerName, Consumer<Notification> onSent) throws IOException {
    this.transport = transport;
    this.peerName = peerName;
    this.onSent = onSent;
    this.in = new DataInputStream(transport.input());
    this.out = transport.output();
    this.writer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "bgp-writer-" + peerName.replace(' ', '-'));
      t.setDaemon(true);
      return t;
    });
  }

  AsFormat format() {
    Negotiated n = negotiated;
    return n == null ? AsFormat.FOUR_OCTET : n.asFormat();
  }

  /** Queues {@code m}; dropped silently once the connection is closed (it could not reach the peer). */
  void send(BgpMessage m) {
    try {
      writer.execute(() -> write(m));
    } catch (RejectedExecutionException closed) {
      // connection already closed
    }
  }

  /**
   * Queues {@code messages} as one write: a table of 10,000 host routes is about a dozen UPDATEs, handed to the
   * kernel in one system call rather than one per message.
   */
  void sendAll(List<? extends BgpMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    if (messages.size() == 1) {
      send(messages.get(0));
      return;
    }
    List<BgpMessage> copy = List.copyOf(messages);
    try {
      writer.execute(() -> writeAll(copy));
    } catch (RejectedExecutionException closed) {
      // connection already closed
    }
  }

  private void writeAll(List<BgpMessage> messages) {
    AsFormat f = format();
    List<byte[]> encoded = new ArrayList<>(messages.size());
    int total = 0;
    for (BgpMessage m : messages) {
      byte[] b = m.encode(f);
      encoded.add(b);
      total += b.length;
    }
    byte[] all = new byte[total];
    int at = 0;
    for (byte[] b : encoded) {
      System.arraycopy(b, 0, all, at, b.length);
      at += b.length;
    }
    try {
      out.write(all);
      out.flush();
    } catch (IOException e) {
      log.debug("BGP peer {}: write failed: {}", peerName, e.getMessage());
      transport.close();
    }
  }

  private void write(BgpMessage m) {
    try {
      out.write(m.encode(format()));
      out.flush();
      if (m instanceof Notification n) {
        onSent.accept(n);
      }
    } catch (IOException e) {
      log.debug("BGP peer {}: write failed: {}", peerName, e.getMessage());
      transport.close(); // the reader fails next and ends the session
    }
  }

  /** Stops taking messages and waits (at most {@code wait}) until everything queued is written. */
  void drain(Duration wait) {
    writer.shutdown();
    try {
      writer.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads one message: the header first (so a bad one is reported before waiting for a body), then the rest. */
  BgpMessage read() throws IOException, BgpDecodeException {
    byte[] header = new byte[BgpMessage.HEADER_LENGTH];
    in.readFully(header);
    int length = BgpMessage.frameLength(ByteBuffer.wrap(header));
    byte[] whole = new byte[length];
    System.arraycopy(header, 0, whole, 0, header.length);
    in.readFully(whole, header.length, length - header.length);
    return BgpMessage.parse(ByteBuffer.wrap(whole), format());
  }

  void close() {
    ScheduledFuture<?> k = keepalives;
    if (k != null) {
      k.cancel(false);
    }
    writer.shutdownNow();
    transport.close();
    BfdSession b = bfd;
    if (b != null) {
      b.close();
    }
  }
}
