// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.github.resilience4j.core.IntervalFunction;
import io.kubevip.adapter.bgp.bfd.BfdSession;
import io.kubevip.adapter.bgp.wire.AfiSafi;
import io.kubevip.adapter.bgp.wire.BgpDecodeException;
import io.kubevip.adapter.bgp.wire.BgpMessage;
import io.kubevip.adapter.bgp.wire.Capability;
import io.kubevip.adapter.bgp.wire.ErrorCodes;
import io.kubevip.adapter.bgp.wire.Keepalive;
import io.kubevip.adapter.bgp.wire.Notification;
import io.kubevip.adapter.bgp.wire.Open;
import io.kubevip.adapter.bgp.wire.Prefix;
import io.kubevip.adapter.bgp.wire.RouteRefresh;
import io.kubevip.adapter.bgp.wire.Update;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer's RFC 4271 §8 state machine on a dedicated thread with blocking sockets (simple and correct beats
 * clever): Connect → OpenSent → OpenConfirm → Established, back to Idle on any error, then connect-retry after
 * an exponential backoff with jitter (Resilience4j {@link IntervalFunction}). Everything written goes through one
 * single-thread writer, so the table dump at Established and later incremental UPDATEs keep their order.
 */
final class PeerSession {
  private static final Logger log = LoggerFactory.getLogger(PeerSession.class);
  /** RFC 4271 §8.2.2: "large value" for the hold timer in OpenSent; 4 minutes is suggested. */
  private static final Duration OPEN_SENT_HOLD = Duration.ofMinutes(4);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Set by the namespace test harness: the root namespace of the test machine routes to a real network. */
  static final String REFUSE_ROOT_NAMESPACE = "kubevip.refuseRootNamespace";

  /** The speaker side: the routes this session must carry. */
  interface Routes {
    /** Marks the session ready for incremental updates and returns what to send first, atomically. */
    Set<Prefix> attach(PeerSession session);

    void detach(PeerSession session);

    Set<Prefix> snapshot();
  }

  private final BgpSpeakerConfig speaker;
  private final BgpPeerConfig peer;
  private final TransportOpener opener;
  private final Routes routes;
  private final ScheduledExecutorService timers;
  private final IntervalFunction backoff;
  private final Thread thread;
  private final Object wake = new Object();
  private final AtomicLong updatesReceived = new AtomicLong();
  private final AtomicLong updatesSent = new AtomicLong();
  private final AtomicLong treatAsWithdraw = new AtomicLong();

  private volatile boolean running = true;
  private volatile SessionState state = SessionState.IDLE;
  private volatile Connection connection;
  private volatile BgpTransport socket;
  private volatile int establishedCount;
  private volatile Notification lastSent;
  private volatile Notification lastReceived;

  PeerSession(BgpSpeakerConfig speaker, BgpPeerConfig peer, TransportOpener opener, Routes routes,
      ScheduledExecutorService timers) {
    this.speaker = speaker;
    this.peer = peer;
    this.opener = opener;
    this.routes = routes;
    this.timers = timers;
    this.backoff = IntervalFunction.ofExponentialRandomBackoff(speaker.connectRetryInitial(), 2.0, 0.2,
        speaker.connectRetryMax());
    this.thread = new Thread(this::run, "bgp-" + peer.describe().replace(' ', '-'));
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  BgpPeerConfig peer() {
    return peer;
  }

  PeerStatus status() {
    Connection c = connection;
    Negotiated n = c == null ? null : c.negotiated;
    boolean up = state == SessionState.ESTABLISHED && n != null;
    return new PeerStatus(peer.describe(), state, up ? n.holdTime() : null, up ? n.keepalive() : null,
        establishedCount, lastSent, lastReceived, updatesReceived.get(), treatAsWithdraw.get(),
        up && c.bfd != null ? c.bfd.state() : null, updatesSent.get());
  }

  /** Queues UPDATEs for a change; called under the speaker's lock so changes keep their order. */
  void enqueue(Collection<Prefix> announce, Collection<Prefix> withdraw) {
    Connection c = connection;
    if (c == null || c.encoder == null) {
      return;
    }
    List<Update> updates = new ArrayList<>(c.encoder.withdraw(withdraw));
    updates.addAll(c.encoder.announce(announce));
    c.sendAll(updates);
    updatesSent.addAndGet(updates.size());
  }

  /**
   * Stops the session: withdraws every route, sends Cease/Administrative Shutdown with the RFC 9003 message,
   * closes the socket and waits for the thread (at most {@code wait}).
   */
  void stop(String message, Duration wait) {
    running = false;
    Connection c = connection;
    if (c != null && state == SessionState.ESTABLISHED && c.encoder != null) {
      c.sendAll(c.encoder.withdraw(routes.snapshot()));
    }
    if (c != null && state != SessionState.CONNECT) {
      c.send(Notification.shutdown(message));
      c.drain(wait);
    }
    closeSocket();
    synchronized (wake) {
      wake.notifyAll();
    }
    try {
      thread.join(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ends the session the way a crash would: the socket closes without NOTIFICATION and without withdrawing, so a
   * peer with graceful restart keeps our routes as stale. For tests of graceful restart.
   */
  void abort(Duration wait) {
    running = false;
    Connection c = connection;
    if (c != null) {
      c.close();
    }
    closeSocket();
    synchronized (wake) {
      wake.notifyAll();
    }
    try {
      thread.join(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    int attempt = 1;
    while (running) {
      boolean established = false;
      try {
        established = connectOnce();
      } catch (RuntimeException e) {
        log.error("BGP peer {}: session failed unexpectedly", peer.describe(), e);
      } finally {
        cleanUp();
      }
      if (!running) {
        break;
      }
      attempt = established ? 1 : attempt + 1;
      long waitMs = backoff.apply(Math.min(attempt, 30));
      log.debug("BGP peer {}: connect retry in {} ms", peer.describe(), waitMs);
      synchronized (wake) {
        long until = System.nanoTime() + waitMs * 1_000_000;
        while (running && System.nanoTime() < until) {
          try {
            wake.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
    state = SessionState.IDLE;
  }

  /** One connection from Connect to its end; true when it reached Established. */
  private boolean connectOnce() {
    state = SessionState.CONNECT;
    BgpTransport s;
    try {
      s = opener.open(peer);
      socket = s;
      if (!running) {
        return false;
      }
      if (peer.sourceAddress() != null && !s.isBound()) {
        s.bind(peer.sourceAddress());
      }
      if (!s.isBound() && Boolean.getBoolean(REFUSE_ROOT_NAMESPACE)) {
        // java.net.Socket creates its descriptor lazily, on the calling thread: an opener that only ran
        // "new Socket()" inside a namespace still dials from here. A socket bound to a namespace-only address
        // proves where it lives; without that, under the test harness, refuse to send anything.
        log.error("BGP peer {}: refusing to dial with an unbound socket while {}=true (bind it in the namespace)",
            peer.describe(), REFUSE_ROOT_NAMESPACE);
        s.close();
        return false;
      }
      if (peer.multihopTtl() > 0) {
        s.setTtl(peer.multihopTtl());
      }
      s.connect(new InetSocketAddress(peer.address(), peer.port()), CONNECT_TIMEOUT);
    } catch (IOException | RuntimeException e) {
      log.info("BGP peer {}: connect failed: {}{}", peer.describe(), e.getMessage(),
          peer.md5Password().isPresent() ? " (TCP MD5 is on: a wrong or missing password on the peer shows as a"
              + " connect timeout; the peer's kernel logs 'MD5 Hash mismatch' or 'MD5 Hash NOT expected')" : "");
      return false;
    }
    Connection c;
    try {
      c = new Connection(s, peer.describe(), n -> lastSent = n);
    } catch (IOException e) {
      log.info("BGP peer {}: connection lost at once: {}", peer.describe(), e.getMessage());
      return false;
    }
    connection = c;
    try {
      return exchange(c, s);
    } catch (SocketTimeoutException e) {
      log.warn("BGP peer {}: hold timer expired in {} after {} s; sending Hold Timer Expired", peer.describe(),
          state, (c.negotiated == null ? OPEN_SENT_HOLD : c.negotiated.holdTime()).toSeconds());
      c.send(new Notification(ErrorCodes.HOLD_TIMER_EXPIRED, 0));
      c.drain(Duration.ofSeconds(1));
      return c.negotiated != null && state == SessionState.ESTABLISHED;
    } catch (IOException e) {
      if (running) {
        log.warn("BGP peer {}: connection closed in {}: {}", peer.describe(), state,
            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
      return state == SessionState.ESTABLISHED;
    }
  }

  private boolean exchange(Connection c, BgpTransport s) throws IOException {
    Open ours = Open.of(speaker.localAs(), (int) peer.holdTime().toSeconds(), speaker.routerId(), capabilities());
    c.send(ours);
    state = SessionState.OPEN_SENT;
    s.setReadTimeout(OPEN_SENT_HOLD);
    BgpMessage m = next(c);
    if (m == null) {
      return false;
    }
    if (!(m instanceof Open theirs)) {
      return fsmError(c, m, 1);
    }
    if (theirs.asNumber() != peer.peerAs()) {
      return notify(c, new Notification(ErrorCodes.OPEN_MESSAGE, ErrorCodes.BAD_PEER_AS),
          "peer says it is AS" + theirs.asNumber() + ", configured AS" + peer.peerAs());
    }
    if (theirs.bgpIdentifier().equals(speaker.routerId()) && speaker.localAs() == peer.peerAs()) {
      return notify(c, new Notification(ErrorCodes.OPEN_MESSAGE, ErrorCodes.BAD_BGP_IDENTIFIER),
          "peer uses our router ID " + speaker.routerId().getHostAddress() + " on an iBGP session");
    }
    Negotiated n = Negotiated.of(speaker, peer, theirs, s.localAddress());
    if (!n.ipv4() && !n.ipv6()) {
      return notify(c, new Notification(ErrorCodes.OPEN_MESSAGE, ErrorCodes.UNSUPPORTED_CAPABILITY),
          "no address family in common (we offer " + (peer.ipv4Unicast() ? "ipv4-unicast " : "")
              + (peer.ipv6Unicast() ? "ipv6-unicast" : "") + ")");
    }
    c.negotiated = n;
    c.send(Keepalive.INSTANCE);
    state = SessionState.OPEN_CONFIRM;
    s.setReadTimeout(n.holdTime());
    m = next(c);
    if (m == null) {
      return false;
    }
    if (!(m instanceof Keepalive)) {
      return fsmError(c, m, 2);
    }
    established(c, theirs);
    while (running) {
      m = next(c);
      if (m == null) {
        return true;
      }
      if (m instanceof Update u) {
        received(u);
      } else if (m instanceof RouteRefresh rr) {
        if (c.negotiated.supports(rr.family())) {
          log.info("BGP peer {}: route refresh for {}", peer.describe(), rr.family());
          c.sendAll(c.encoder.announce(routes.snapshot().stream().filter(p -> p.family().equals(rr.family()))
              .toList()));
        }
      } else if (m instanceof Open) {
        fsmError(c, m, 3);
        return true;
      }
    }
    return true;
  }

  /**
   * The next message; on a decode error sends the NOTIFICATION it names and returns null, and on a received
   * NOTIFICATION logs it and returns null: either way the session ends.
   */
  private BgpMessage next(Connection c) throws IOException {
    BgpMessage m;
    try {
      m = c.read();
    } catch (BgpDecodeException e) {
      Notification n = e.toNotification();
      log.warn("BGP peer {}: {} in {}; sending {}", peer.describe(), e.getMessage(), state, n);
      c.send(n);
      c.drain(Duration.ofSeconds(1));
      return null;
    }
    if (m instanceof Notification n) {
      lastReceived = n;
      log.warn("BGP peer {}: received NOTIFICATION {}", peer.describe(), n);
      return null;
    }
    return m;
  }

  private void established(Connection c, Open theirs) {
    Negotiated n = c.negotiated;
    c.encoder = new RouteEncoder(speaker, peer, n);
    if (!n.keepalive().isZero()) {
      long ms = n.keepalive().toMillis();
      c.keepalives = timers.scheduleAtFixedRate(() -> c.send(Keepalive.INSTANCE), ms, ms, TimeUnit.MILLISECONDS);
    }
    establishedCount++;
    state = SessionState.ESTABLISHED;
    startBfd(c);
    log.info("BGP peer {}: session established (peer router ID {}, hold {} s, keepalive {} ms, {}-octet AS,"
        + " families{}{})", peer.describe(), theirs.bgpIdentifier().getHostAddress(), n.holdTime().toSeconds(),
        n.keepalive().toMillis(), n.asFormat().octets(), n.ipv4() ? " ipv4-unicast" : "",
        n.ipv6() ? " ipv6-unicast" : "");
    Set<Prefix> table = routes.attach(this); // enqueues under the speaker lock: later changes follow it
    log.debug("BGP peer {}: sent {} prefixes and End-of-RIB", peer.describe(), table.size());
  }

  /** RFC 5882: a failed BFD session takes the BGP session down at once instead of after the hold time. */
  private void startBfd(Connection c) {
    if (peer.bfdInterval() == null) {
      return;
    }
    try {
      c.bfd = BfdSession.start(c.negotiated.localAddress(), peer.address(), peer.bfdInterval(),
          peer.bfdMultiplier(), new BfdSession.Listener() {
            @Override
            public void up() {
              log.info("BGP peer {}: BFD up", peer.describe());
            }

            @Override
            public void down(int diag) {
              log.warn("BGP peer {}: BFD down (diagnostic {}); closing the BGP session", peer.describe(), diag);
              c.close();
            }
          }, opener::openBfdSocket);
    } catch (RuntimeException e) {
      log.warn("BGP peer {}: cannot start BFD, continuing without it: {}", peer.describe(), e.getMessage());
    }
  }

  /** Sends the initial table; called by the speaker inside {@link Routes#attach}. */
  void sendTable(Set<Prefix> table) {
    Connection c = connection;
    if (c != null && c.encoder != null) {
      List<Update> updates = new ArrayList<>(c.encoder.announce(table));
      updates.addAll(c.encoder.endOfRib());
      c.sendAll(updates);
      updatesSent.addAndGet(updates.size());
    }
  }

  private void received(Update u) {
    updatesReceived.incrementAndGet();
    if (u.error() != null) {
      if (u.isTreatAsWithdraw()) {
        treatAsWithdraw.incrementAndGet();
      }
      log.warn("BGP peer {}: malformed UPDATE handled as {} (RFC 7606): {}", peer.describe(),
          u.error().handling().name().toLowerCase().replace('_', '-'), u.error().getMessage());
    }
    // announce-only: received routes are validated, never installed
  }

  private boolean fsmError(Connection c, BgpMessage m, int subcode) {
    // RFC 6608 subcodes: 1 unexpected in OpenSent, 2 in OpenConfirm, 3 in Established
    Notification n = new Notification(ErrorCodes.FSM_ERROR, subcode);
    return notify(c, n, "unexpected message type " + m.type() + " in " + state);
  }

  private boolean notify(Connection c, Notification n, String why) {
    log.warn("BGP peer {}: {}; sending {}", peer.describe(), why, n);
    c.send(n);
    c.drain(Duration.ofSeconds(1));
    return state == SessionState.ESTABLISHED;
  }

  private List<Capability> capabilities() {
    List<Capability> caps = new ArrayList<>();
    if (peer.ipv4Unicast()) {
      caps.add(new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST));
    }
    if (peer.ipv6Unicast()) {
      caps.add(new Capability.Multiprotocol(AfiSafi.IPV6_UNICAST));
    }
    caps.add(new Capability.RouteRefreshSupport());
    caps.add(new Capability.FourOctetAs(speaker.localAs()));
    caps.add(gracefulRestart());
    return caps;
  }

  /**
   * RFC 4724 §3. Off: restart time 0 and no families (we ask nothing of the peer, but can tell it understands
   * End-of-RIB). On: the restart time, each family we offer with the F bit set (the VIPs stay on the node and
   * keep forwarding while this process restarts), and the R bit on this peer's first session since the speaker
   * started: it tells the router this speaker restarted (RFC 4724 §4.1), so the router sends its own routes
   * without waiting for ours; we do not remember whether the previous process died within the restart time.
   */
  Capability.GracefulRestart gracefulRestart() {
    if (!speaker.gracefulRestart()) {
      return new Capability.GracefulRestart(false, 0, List.of());
    }
    List<Capability.GracefulRestart.Family> families = new ArrayList<>();
    if (peer.ipv4Unicast()) {
      families.add(new Capability.GracefulRestart.Family(AfiSafi.IPV4_UNICAST, true));
    }
    if (peer.ipv6Unicast()) {
      families.add(new Capability.GracefulRestart.Family(AfiSafi.IPV6_UNICAST, true));
    }
    return new Capability.GracefulRestart(establishedCount == 0, (int) speaker.gracefulRestartTime().toSeconds(),
        families);
  }

  private void cleanUp() {
    Connection c = connection;
    routes.detach(this);
    connection = null;
    if (c != null) {
      c.close();
    }
    closeSocket();
    if (state != SessionState.IDLE) {
      log.info("BGP peer {}: session down", peer.describe());
    }
    state = SessionState.IDLE;
  }

  private void closeSocket() {
    BgpTransport s = socket;
    if (s != null) {
      s.close();
    }
  }
}
