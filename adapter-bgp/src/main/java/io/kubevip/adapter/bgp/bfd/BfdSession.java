// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.bfd;

import io.kubevip.linux.jna.UdpTtlSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One asynchronous-mode BFD session (RFC 5880 §6.8, single hop RFC 5881: to port 3784 from 49152..65535, TTL
 * 255) on its own thread. It tells its {@link Listener} when the path comes up and when it fails, which is how a
 * BGP session learns of a dead link in a few hundred milliseconds instead of a hold time.
 *
 * <p>Simplifications, stated: the configured intervals are used from the start (no 1 s idle rate while Down, so
 * no Poll sequence of ours is ever needed; a peer's Poll is answered with Final), no authentication, no echo,
 * no demand mode, and received TTL is not checked.
 */
public final class BfdSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BfdSession.class);
  public static final int CONTROL_PORT = 3784;

  /** Up/down callbacks, on the session's thread. */
  public interface Listener {
    void up();

    void down(int diag);
  }

  /** Opens the two UDP sockets in the right namespace. */
  @FunctionalInterface
  public interface SocketFactory {
    UdpTtlSocket open(InetAddress local, int port);
  }

  private final InetSocketAddress peer;
  private final long desiredMinTxUs;
  private final long requiredMinRxUs;
  private final int detectMult;
  private final Listener listener;
  private final UdpTtlSocket rx;
  private final UdpTtlSocket tx;
  private final Thread thread;
  private final long localDiscr = 1 + ThreadLocalRandom.current().nextLong(0xfffffffeL);

  private volatile boolean running = true;
  private volatile BfdState state = BfdState.DOWN;
  private long remoteDiscr;
  private long remoteMinRxUs = 1;
  private long remoteDesiredTxUs;
  private int remoteMult = 1;
  private int diag;
  private long lastRxNanos;
  private long nextTxNanos;

  private BfdSession(InetAddress local, InetAddress peer, Duration interval, int multiplier, Listener listener,
      SocketFactory sockets) {
    this.peer = new InetSocketAddress(peer, CONTROL_PORT);
    this.desiredMinTxUs = interval.toNanos() / 1000;
    this.requiredMinRxUs = interval.toNanos() / 1000;
    this.detectMult = multiplier;
    this.listener = listener;
    this.rx = sockets.open(local, CONTROL_PORT);
    UdpTtlSocket t = null;
    for (int attempt = 0; t == null; attempt++) {
      try {
        t = sockets.open(local, 49152 + ThreadLocalRandom.current().nextInt(16384));
      } catch (RuntimeException busy) {
        if (attempt > 10) {
          rx.close();
          throw busy;
        }
      }
    }
    this.tx = t;
    this.thread = new Thread(this::run, "bfd-" + peer.getHostAddress());
    this.thread.setDaemon(true);
  }

  /** Starts a session from {@code local} to {@code peer} with {@code interval} both ways. */
  public static BfdSession start(InetAddress local, InetAddress peer, Duration interval, int multiplier,
      Listener listener, SocketFactory sockets) {
    BfdSession s = new BfdSession(local, peer, interval, multiplier, listener, sockets);
    s.thread.start();
    return s;
  }

  public BfdState state() {
    return state;
  }

  private void run() {
    nextTxNanos = System.nanoTime();
    while (running) {
      long now = System.nanoTime();
      if (now >= nextTxNanos) {
        transmit(false);
      }
      checkDetection(now);
      long waitMs = Math.max(1, Math.min((nextTxNanos - System.nanoTime()) / 1_000_000, 50));
      Optional<UdpTtlSocket.Datagram> d;
      try {
        d = rx.receive(Duration.ofMillis(waitMs));
      } catch (RuntimeException e) {
        if (running) {
          log.warn("BFD {}: receive failed: {}", peer.getAddress().getHostAddress(), e.getMessage());
        }
        return;
      }
      if (d.isPresent() && d.get().source().getAddress().equals(peer.getAddress())) {
        try {
          received(BfdPacket.parse(ByteBuffer.wrap(d.get().data())));
        } catch (BfdDecodeException e) {
          log.debug("BFD {}: discarded packet: {}", peer.getAddress().getHostAddress(), e.getMessage());
        }
      }
    }
  }

  private void received(BfdPacket p) {
    if (p.yourDiscriminator() != 0 && p.yourDiscriminator() != localDiscr) {
      return; // §6.8.6: not for this session
    }
    remoteDiscr = p.myDiscriminator();
    remoteMinRxUs = p.requiredMinRxUs();
    remoteDesiredTxUs = p.desiredMinTxUs();
    remoteMult = p.detectMult();
    lastRxNanos = System.nanoTime();
    BfdState before = state;
    if (p.state() == BfdState.ADMIN_DOWN) {
      if (state != BfdState.DOWN) {
        change(BfdState.DOWN, BfdPacket.DIAG_NEIGHBOR_SIGNALED_DOWN);
      }
    } else if (state == BfdState.DOWN) {
      if (p.state() == BfdState.DOWN) {
        change(BfdState.INIT, BfdPacket.DIAG_NONE);
      } else if (p.state() == BfdState.INIT) {
        change(BfdState.UP, BfdPacket.DIAG_NONE);
      }
    } else if (state == BfdState.INIT) {
      if (p.state() == BfdState.INIT || p.state() == BfdState.UP) {
        change(BfdState.UP, BfdPacket.DIAG_NONE);
      }
    } else if (state == BfdState.UP && p.state() == BfdState.DOWN) {
      change(BfdState.DOWN, BfdPacket.DIAG_NEIGHBOR_SIGNALED_DOWN);
    }
    if (p.poll()) {
      transmit(true); // §6.8.7: answer a Poll with Final at once
    } else if (state != before) {
      transmit(false);
    }
  }

  private void checkDetection(long now) {
    if ((state == BfdState.UP || state == BfdState.INIT) && lastRxNanos != 0) {
      long detectUs = remoteMult * Math.max(requiredMinRxUs, remoteDesiredTxUs);
      if (now - lastRxNanos > detectUs * 1000) {
        remoteDiscr = 0;
        change(BfdState.DOWN, BfdPacket.DIAG_DETECTION_TIME_EXPIRED);
      }
    }
  }

  private void change(BfdState to, int newDiag) {
    BfdState from = state;
    state = to;
    diag = newDiag;
    log.info("BFD {}: {} -> {} (diag {})", peer.getAddress().getHostAddress(), from, to, newDiag);
    if (to == BfdState.UP) {
      listener.up();
    } else if (from == BfdState.UP) {
      listener.down(newDiag);
    }
  }

  private void transmit(boolean fin) {
    long intervalUs = Math.max(desiredMinTxUs, remoteMinRxUs);
    // §6.8.7: jitter to 75..100% of the interval (75..90% with a multiplier of 1)
    double factor = 0.75 + ThreadLocalRandom.current().nextDouble(detectMult == 1 ? 0.15 : 0.25);
    nextTxNanos = System.nanoTime() + (long) (intervalUs * 1000 * factor);
    if (remoteMinRxUs == 0) {
      return; // the peer asked for silence
    }
    BfdPacket p = new BfdPacket(diag, state, false, fin, false, false, detectMult, localDiscr, remoteDiscr,
        desiredMinTxUs, requiredMinRxUs, 0);
    try {
      tx.send(p.encode(), peer);
    } catch (RuntimeException e) {
      log.debug("BFD {}: send failed: {}", peer.getAddress().getHostAddress(), e.getMessage());
    }
  }

  /** Sends AdminDown once (RFC 5880 §6.8.16) and stops. */
  @Override
  public void close() {
    running = false;
    try {
      if (Thread.currentThread() != thread) {
        thread.join(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    state = BfdState.ADMIN_DOWN;
    diag = BfdPacket.DIAG_ADMIN_DOWN;
    transmit(false);
    rx.close();
    tx.close();
  }
}
