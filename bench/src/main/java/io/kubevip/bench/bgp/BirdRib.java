// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.bgp;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * BIRD's routing table (its RIB), read over its control socket: BIRD 2 has no event stream for table changes, so
 * the bench asks {@code show route ... count} in a tight loop on one connection (no process per query, unlike
 * {@code birdc}). Each answer costs BIRD one table walk on its only thread, so the loop sleeps
 * {@link #POLL_INTERVAL_MICROS} between queries; the reported instant is when the first answer showing every route
 * arrived, an upper bound late by at most one interval plus one query.
 */
final class BirdRib implements AutoCloseable {
  static final long POLL_INTERVAL_MICROS = 2_000;

  private final SocketChannel channel;
  private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
  private final StringBuilder pending = new StringBuilder();

  /** The control socket is a file: reachable from any network namespace, and it sends no packets. */
  BirdRib(Path controlSocket) throws IOException {
    channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(controlSocket));
    reply(); // the "0001 BIRD x.y ready." greeting
  }

  /** Routes in BIRD's table that match {@code selector}, e.g. {@code table master4 protocol kvn1}. */
  int count(String selector) throws IOException {
    channel.write(StandardCharsets.US_ASCII.encode("show route " + selector + " count\n"));
    String r = reply();
    // BIRD 2.0.12, one table: "1007-10000 of 10000 routes for 10000 networks in table master4\n0000 \n"
    int at = r.indexOf("1007-");
    if (at < 0) {
      throw new IOException("BIRD answered '" + r.strip() + "' to show route " + selector + " count");
    }
    String rest = r.substring(at + 5);
    return Integer.parseInt(rest.substring(0, rest.indexOf(' ')));
  }

  /**
   * Polls until {@code count(selector) >= want}; returns {@link System#nanoTime()} when that answer arrived.
   *
   * @throws IllegalStateException after {@code timeoutMillis}
   */
  long awaitAtLeast(String selector, int want, long timeoutMillis) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    int last;
    while ((last = count(selector)) < want) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("BIRD's table has " + last + " of " + want + " routes (" + selector
            + ") after " + timeoutMillis + " ms");
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(POLL_INTERVAL_MICROS));
    }
    return System.nanoTime();
  }

  /** Reads up to the last line of a reply: a four-digit code followed by a space (RFC-style continuation '-'). */
  private String reply() throws IOException {
    StringBuilder out = new StringBuilder();
    while (true) {
      int nl;
      while ((nl = pending.indexOf("\n")) >= 0) {
        String line = pending.substring(0, nl);
        pending.delete(0, nl + 1);
        out.append(line).append('\n');
        if (line.length() >= 5 && Character.isDigit(line.charAt(0)) && line.charAt(4) == ' '
            || line.length() == 4 && Character.isDigit(line.charAt(0))) {
          return out.toString();
        }
      }
      in.clear();
      if (channel.read(in) < 0) {
        throw new IOException("BIRD closed its control socket");
      }
      in.flip();
      pending.append(StandardCharsets.US_ASCII.decode(in));
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
