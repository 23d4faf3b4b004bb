// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.adapter.bgp.wire.Prefix;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.ports.out.BgpAdvertisementPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An announce-only BGP-4 speaker (what kube-vip's BGP mode does with GoBGP): one session per configured peer,
 * each dialled and kept up on its own thread, every VIP advertised to every established peer as soon as it is
 * added, withdrawn as soon as it is removed, and the whole table re-sent when a session comes back.
 *
 * <p>Threading: all methods are thread-safe; UPDATEs leave on a per-session writer, so a call returns without
 * waiting for the network. {@link #close()} withdraws everything, sends Cease/Administrative Shutdown with the
 * configured RFC 9003 message and closes every session.
 */
public final class BgpSpeaker implements BgpAdvertisementPort, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BgpSpeaker.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(3);

  private final BgpSpeakerConfig config;
  private final List<PeerSession> sessions = new ArrayList<>();
  private final ScheduledExecutorService timers;
  private final Object lock = new Object();
  private final Map<VipAddress, Prefix> advertised = new LinkedHashMap<>();
  /** How many advertised VIPs map to each prefix: a prefix leaves when its last VIP does. */
  private final Map<Prefix, Integer> owners = new HashMap<>();
  private final Set<PeerSession> attached = new HashSet<>();
  private boolean started;
  private boolean closed;

  public BgpSpeaker(BgpSpeakerConfig config, List<BgpPeerConfig> peers) {
    this(config, peers, TransportOpener.DEFAULT);
  }

  /** With a custom {@link TransportOpener} (network namespaces in tests). */
  public BgpSpeaker(BgpSpeakerConfig config, List<BgpPeerConfig> peers, TransportOpener opener) {
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(opener, "opener");
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bgp-timers");
      t.setDaemon(true);
      return t;
    });
    PeerSession.Routes routes = new SpeakerRoutes();
    Set<String> seen = new HashSet<>();
    for (BgpPeerConfig p : peers) {
      if (!seen.add(p.address().getHostAddress() + ":" + p.port())) {
        throw new IllegalArgumentException("BGP peer " + p.describe() + " is configured twice");
      }
      sessions.add(new PeerSession(config, p, opener, routes, timers));
    }
  }

  /** Starts dialling every peer; idempotent. */
  public BgpSpeaker start() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("BGP speaker is closed");
      }
      if (!started) {
        started = true;
        sessions.forEach(PeerSession::start);
      }
    }
    return this;
  }

  @Override
  public void advertise(Set<VipAddress> prefixes) {
    synchronized (lock) {
      List<Prefix> added = new ArrayList<>();
      for (VipAddress v : prefixes) {
        if (v.isDhcpMarker()) {
          log.warn("BGP: not advertising {}: it is the DHCP placeholder, not an address yet", v);
          continue;
        }
        if (!advertised.containsKey(v)) {
          Prefix p = toPrefix(v);
          advertised.put(v, p);
          if (owners.merge(p, 1, Integer::sum) == 1) {
            added.add(p);
          }
        }
      }
      if (!added.isEmpty()) {
        log.debug("BGP: advertising {} prefixes to {} established sessions", added.size(), attached.size());
        attached.forEach(s -> s.enqueue(added, List.of()));
      }
    }
  }

  @Override
  public void withdraw(Set<VipAddress> prefixes) {
    synchronized (lock) {
      List<Prefix> removed = new ArrayList<>();
      for (VipAddress v : prefixes) {
        Prefix p = advertised.remove(v);
        if (p != null && owners.merge(p, -1, Integer::sum) == 0) {
          owners.remove(p);
          removed.add(p);
        }
      }
      if (!removed.isEmpty()) {
        log.debug("BGP: withdrawing {} prefixes from {} established sessions", removed.size(), attached.size());
        attached.forEach(s -> s.enqueue(List.of(), removed));
      }
    }
  }

  @Override
  public Set<VipAddress> advertised() {
    synchronized (lock) {
      return Set.copyOf(advertised.keySet());
    }
  }

  /** The state of every session, in configuration order. */
  public List<PeerStatus> status() {
    return sessions.stream().map(PeerSession::status).toList();
  }

  /** Withdraws everything, sends Cease/Administrative Shutdown with the configured message, stops. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    sessions.parallelStream().forEach(s -> s.stop(config.shutdownMessage(), STOP_WAIT));
    timers.shutdownNow();
  }

  /**
   * Drops every session as a crash would (no withdraw, no NOTIFICATION), for tests of graceful restart: a peer
   * that negotiated it keeps our routes as stale until the restart time runs out or a new session's End-of-RIB.
   */
  void abort() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    sessions.parallelStream().forEach(s -> s.abort(STOP_WAIT));
    timers.shutdownNow();
  }

  /** The prefix a VIP is announced as: its own, or widened/narrowed to the configured host-route length. */
  Prefix toPrefix(VipAddress v) {
    int configured = v.family().bits() == 32 ? config.ipv4PrefixLength() : config.ipv6PrefixLength();
    return new Prefix(v.address(), configured == 0 ? v.prefixLength() : configured);
  }

  private final class SpeakerRoutes implements PeerSession.Routes {
    @Override
    public Set<Prefix> attach(PeerSession session) {
      synchronized (lock) {
        Set<Prefix> table = Set.copyOf(owners.keySet());
        attached.add(session);
        session.sendTable(table);
        return table;
      }
    }

    @Override
    public void detach(PeerSession session) {
      synchronized (lock) {
        attached.remove(session);
      }
    }

    @Override
    public Set<Prefix> snapshot() {
      synchronized (lock) {
        return Set.copyOf(owners.keySet());
      }
    }
  }
}
