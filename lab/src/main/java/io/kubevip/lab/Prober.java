// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Watches the VIP the way a user and an operator would at once: the client pings it every 10 ms and follows
 * which MAC its neighbour table holds for it, and every node's addresses are followed so that each probe is
 * stamped with the set of nodes holding the VIP at that moment. A node cut off from the LANs does not count
 * as an owner: nobody can reach its copy of the address.
 */
public final class Prober implements AutoCloseable {
  /**
   * One probe outcome and the number of reachable nodes holding the VIP at its time stamp. A "no answer yet"
   * (ping {@code -O}: no reply before the next probe, 10 ms later) whose reply was read afterwards is
   * {@code answeredLate}: the client's packet was answered, only late (a scheduling hiccup on a busy machine),
   * so it is not {@link #lost()}. Outages are measured between replies either way.
   */
  public record Sample(long atMicros, boolean reply, boolean answeredLate, int owners) {
    /** No reply to this probe was read at all. */
    public boolean lost() {
      return !reply && !answeredLate;
    }
  }

  /** A probe as read, with the nodes cut off when it was read; owners are judged from the timeline on query. */
  private record Probe(long atMicros, int seq, boolean reply, boolean answeredLate, Set<String> cutOff) {}

  /** A node's VIP appeared or disappeared (read time). */
  public record OwnerChange(long atMicros, String node, boolean holds) {}

  /** The client's neighbour entry for the VIP now points at {@code mac} (node, or null when unknown). */
  public record MacChange(long atMicros, String mac, String node) {}

  /** iputils ping turns -i 0.01 into 16 ms probes on a 250 Hz kernel; 0.0099 gives about 10 ms. */
  static final String PING_INTERVAL = "0.0099";

  private final LabTopology topology;
  private final String vip;
  private final Map<String, Boolean> holds = new ConcurrentHashMap<>();
  private final Map<String, String> macToNode = new ConcurrentHashMap<>();
  private final List<Probe> samples = new ArrayList<>();
  /** Index in {@link #samples} of each "no answer yet" whose reply has not been read (ping numbers its probes). */
  private final Map<Integer, Integer> unanswered = new java.util.HashMap<>();
  /** The latest sequence number read (-1 before the first). */
  private int lastSeq = -1;
  private final List<OwnerChange> ownerChanges = new ArrayList<>();
  private final List<MacChange> macChanges = new ArrayList<>();
  private final List<LineStream> streams = new ArrayList<>();
  private volatile String clientMac;

  Prober(LabTopology topology, String vip) {
    this.topology = topology;
    this.vip = vip;
  }

  /** Starts following addresses and the neighbour table, then starts pinging {@code vip} from the client. */
  public static Prober start(LabTopology topology, String vip) {
    Prober p = new Prober(topology, vip);
    try {
      for (String node : topology.nodes()) {
        p.macToNode.put(topology.mac(node), node);
        p.holds.put(node, false);
        p.streams.add(LineStream.start("addr-" + node,
            List.of("ip", "-o", "-n", topology.ns(node), "monitor", "address"),
            (at, line) -> MonitorLines.addr(line, vip).ifPresent(a -> p.onAddr(at, node, !a.deleted()))));
      }
      p.streams.add(LineStream.start("neigh", List.of("ip", "-n", topology.ns(LabTopology.CLIENT), "monitor", "neigh"),
          (at, line) -> MonitorLines.neigh(line, vip).ifPresent(n -> p.onNeigh(at, n))));
      // the monitors run; a snapshot now covers anything that was there before they started
      for (String node : topology.nodes()) {
        String out = topology.ip(node, "-o", "addr", "show", "dev", "eth0").stdout();
        for (String line : out.split("\n")) {
          if (line.matches(".*\\sinet6?\\s+" + java.util.regex.Pattern.quote(vip) + "/.*")) {
            p.onAddr(Clock.nowMicros(), node, true);
          }
        }
      }
      List<String> ping = new ArrayList<>(List.of("ping"));
      if (vip.contains(":")) {
        ping.add("-6");
      }
      ping.addAll(List.of("-D", "-n", "-O", "-i", PING_INTERVAL, "-W", "0.2", vip));
      p.streams.add(LineStream.start("ping", topology.execCommand(LabTopology.CLIENT, ping),
          (at, line) -> MonitorLines.ping(line).ifPresent(s -> p.onPing(s))));
      return p;
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private void onAddr(long at, String node, boolean nowHolds) {
    synchronized (this) {
      Boolean before = holds.put(node, nowHolds);
      if (before == null || before != nowHolds) {
        ownerChanges.add(new OwnerChange(at, node, nowHolds));
      }
      notifyAll();
    }
  }

  private void onNeigh(long at, MonitorLines.Neigh n) {
    String mac = n.deleted() ? null : n.mac();
    if (mac == null && !n.deleted() && !"FAILED".equals(n.state()) && !"INCOMPLETE".equals(n.state())) {
      return; // a state change without an address (e.g. PROBE) says nothing new about the owner
    }
    synchronized (this) {
      if (!java.util.Objects.equals(mac, clientMac)) {
        clientMac = mac;
        macChanges.add(new MacChange(at, mac, mac == null ? null : macToNode.get(mac)));
      }
      notifyAll();
    }
  }

  void onPing(MonitorLines.Ping s) {
    synchronized (this) {
      Set<String> cutOff = new TreeSet<>();
      holds.keySet().stream().filter(n -> topology.isCutOff(n)).forEach(cutOff::add);
      if (s.reply()) {
        Integer late = unanswered.remove(s.seq());
        if (late != null) {
          Probe p = samples.get(late);
          samples.set(late, new Probe(p.atMicros(), p.seq(), false, true, p.cutOff()));
        }
      } else {
        unanswered.put(s.seq(), samples.size());
      }
      if (lastSeq < 0 || later(s.seq(), lastSeq)) {
        lastSeq = s.seq();
      }
      samples.add(new Probe(s.atMicros(), s.seq(), s.reply(), false, cutOff));
      notifyAll();
    }
  }

  /** The address this prober follows. */
  public String vip() {
    return vip;
  }

  /** Nodes that hold the VIP now and are reachable (not cut off). */
  public Set<String> owners() {
    Set<String> out = new TreeSet<>();
    holds.forEach((node, has) -> {
      if (has && !topology.isCutOff(node)) {
        out.add(node);
      }
    });
    return out;
  }

  /** Nodes that hold the VIP now, reachable or not. */
  public Set<String> holders() {
    Set<String> out = new TreeSet<>();
    holds.forEach((node, has) -> {
      if (has) {
        out.add(node);
      }
    });
    return out;
  }

  /** The node whose MAC the client holds for the VIP, if any. */
  public Optional<String> clientPointsAt() {
    String mac = clientMac;
    return mac == null ? Optional.empty() : Optional.ofNullable(macToNode.get(mac));
  }

  /** Waits until {@code condition} holds on the owner set; returns the set, or empty on timeout. */
  public Optional<Set<String>> awaitOwners(Predicate<Set<String>> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (true) {
        Set<String> now = owners();
        if (condition.test(now)) {
          return Optional.of(now);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        waitNanos(Math.min(left, 50_000_000L));
      }
    }
  }

  /**
   * The time of the first reply to a probe sent after this call, waiting up to {@code timeout}. Replies to older
   * probes do not count: those held in the client's neighbour queue while the VIP was being claimed arrive late, in
   * a burst, and the "no answer yet" lines of their successors follow them.
   */
  public Optional<Long> awaitFreshReply(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      int from = samples.size();
      // the probe after the last one read may already have been sent: fresh ones come after it
      int sentBefore = lastSeq < 0 ? -1 : (lastSeq + 1) & 0xFFFF;
      while (true) {
        for (int j = from; j < samples.size(); j++) {
          Probe p = samples.get(j);
          if (p.reply() && (sentBefore < 0 || later(p.seq(), sentBefore))) {
            return Optional.of(p.atMicros());
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        waitNanos(Math.min(left, 50_000_000L));
      }
    }
  }

  /** ping's 16-bit sequence numbers wrap: {@code a} is later when it is less than half the range ahead. */
  static boolean later(int a, int b) {
    int d = (a - b) & 0xFFFF;
    return d != 0 && d < 0x8000;
  }

  /** The first reply read at or after {@code fromMicros}, waiting up to {@code timeout} for it. */
  public Optional<Long> awaitReplyAfter(long fromMicros, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (true) {
        int i = samples.size();
        while (i > 0 && samples.get(i - 1).atMicros() >= fromMicros) {
          i--;
        }
        for (int j = i; j < samples.size(); j++) {
          if (samples.get(j).reply()) {
            return Optional.of(samples.get(j).atMicros());
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        waitNanos(Math.min(left, 50_000_000L));
      }
    }
  }

  private void waitNanos(long nanos) {
    try {
      wait(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted while probing", e);
    }
  }

  /**
   * Samples stamped in [from, to), each with the owners at its own time stamp: ping and the address monitors are
   * separate streams read by separate threads, so the holder set at the moment a probe line is processed may lag
   * or lead the probe's stamp; judging it from the stamped address timeline keeps a sample consistent with
   * {@link #ownerChanges} (a probe stamped after an address's removal never counts that address).
   */
  public synchronized List<Sample> samples(long fromMicros, long toMicros) {
    return samples.stream().filter(s -> s.atMicros() >= fromMicros && s.atMicros() < toMicros)
        .map(this::judged).toList();
  }

  private Sample judged(Probe p) {
    Map<String, OwnerChange> last = new java.util.HashMap<>();
    for (OwnerChange c : ownerChanges) {
      if (c.atMicros() <= p.atMicros()) {
        last.merge(c.node(), c, (a, b) -> b.atMicros() >= a.atMicros() ? b : a);
      }
    }
    int owners = (int) last.values().stream().filter(c -> c.holds() && !p.cutOff().contains(c.node())).count();
    return new Sample(p.atMicros(), p.reply(), p.answeredLate(), owners);
  }

  /**
   * The longest time without a reply around [from, to]: from the last reply before {@code from} (or from
   * {@code from} itself) through each reply up to {@code to}. That is what a client saw as the outage, whatever
   * the lab was doing while it injected the event. Empty when no reply came after {@code from}.
   */
  public synchronized Optional<Long> longestGapMicros(long fromMicros, long toMicros) {
    return longestGap(samples.stream().map(p -> new Sample(p.atMicros(), p.reply(), p.answeredLate(), 0)).toList(),
        fromMicros,
        toMicros);
  }

  static Optional<Long> longestGap(List<Sample> samples, long fromMicros, long toMicros) {
    long previous = fromMicros;
    boolean after = false;
    long longest = 0;
    for (Sample s : samples) {
      if (!s.reply() || s.atMicros() >= toMicros) {
        continue;
      }
      if (s.atMicros() < fromMicros) {
        previous = s.atMicros();
        continue;
      }
      longest = Math.max(longest, s.atMicros() - previous);
      previous = s.atMicros();
      after = true;
    }
    return after ? Optional.of(longest) : Optional.empty();
  }

  public synchronized List<OwnerChange> ownerChanges(long fromMicros) {
    return ownerChanges.stream().filter(c -> c.atMicros() >= fromMicros).toList();
  }

  public synchronized List<MacChange> macChanges(long fromMicros) {
    return macChanges.stream().filter(c -> c.atMicros() >= fromMicros).toList();
  }

  /** True while ping, the neighbour monitor and every address monitor run. */
  public boolean healthy() {
    return streams.stream().allMatch(LineStream::isAlive);
  }

  @Override
  public void close() {
    streams.forEach(LineStream::close);
  }
}
