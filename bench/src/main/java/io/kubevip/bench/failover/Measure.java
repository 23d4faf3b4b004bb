// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

import io.kubevip.lab.Clock;
import io.kubevip.lab.Prober;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one event off the prober: the client's outage, its first reply, its MAC switch, owners and flaps. */
final class Measure {
  private final Prober prober;

  Measure(Prober prober) {
    this.prober = prober;
  }

  /** Waits for a single owner other than {@code old}, then looks 500 ms further for a second owner. */
  Event failover(String old, long t0, Duration timeout) {
    Optional<Set<String>> after = prober.awaitOwners(o -> o.size() == 1 && !o.contains(old), timeout);
    String neu = after.map(o -> o.iterator().next()).orElse(null);
    Long takeover = neu == null ? null : prober.ownerChanges(t0).stream()
        .filter(c -> c.node().equals(neu) && c.holds()).findFirst().map(Prober.OwnerChange::atMicros).orElse(null);
    Optional<Long> reply = neu == null ? Optional.empty()
        : prober.awaitReplyAfter(takeover == null ? t0 : takeover, Duration.ofSeconds(5));
    Pause.millis(500);
    long end = Clock.nowMicros();
    List<Prober.Sample> s = prober.samples(t0, end);
    int dual = (int) s.stream().filter(x -> x.owners() > 1).count();
    int lost = (int) s.stream().filter(Prober.Sample::lost).count();
    Long outage = reply.isEmpty() ? null : prober.longestGapMicros(t0, end).map(g -> g / 1000).orElse(null);
    Long first = reply.map(r -> (r - t0) / 1000).orElse(null);
    Long client = neu == null ? null : prober.macChanges(t0).stream().filter(c -> neu.equals(c.node()))
        .findFirst().map(c -> (c.atMicros() - t0) / 1000).orElse(null);
    String note = neu == null ? "no single new owner within " + timeout.toSeconds() + " s; owners "
        + prober.owners() : reply.isEmpty() ? "no reply after the takeover" : "";
    return new Event(old, neu, outage, first, client, lost, dual, flaps(old, neu, t0), note);
  }

  /** VIP additions/removals since {@code t0} other than old's removal and the new owner's first addition. */
  int flaps(String old, String neu, long t0) {
    int n = 0;
    boolean oldGone = false;
    boolean newCame = false;
    for (Prober.OwnerChange c : prober.ownerChanges(t0)) {
      if (!oldGone && c.node().equals(old) && !c.holds()) {
        oldGone = true;
      } else if (!newCame && c.node().equals(neu) && c.holds()) {
        newCame = true;
      } else {
        n++;
      }
    }
    return n;
  }

  /** VIP additions/removals since {@code from}, except {@code node} dropping its own (orphan) VIP. */
  int movesSince(long from, String node) {
    return (int) prober.ownerChanges(from).stream().filter(c -> !(c.node().equals(node) && !c.holds())).count();
  }

  /** Samples with two reachable owners in [from, now). */
  int twoOwnerSamples(long from) {
    return (int) prober.samples(from, Long.MAX_VALUE).stream().filter(x -> x.owners() > 1).count();
  }

  /** Waits for one owner and then a quiet second with replies, so the next event starts from a steady VIP. */
  String settle(Duration timeout) {
    Optional<Set<String>> o = prober.awaitOwners(x -> x.size() == 1, timeout);
    if (o.isEmpty()) {
      throw new io.kubevip.lab.LabException("no single VIP owner within " + timeout.toSeconds() + " s; owners "
          + prober.owners());
    }
    long t = Clock.nowMicros();
    if (prober.awaitReplyAfter(t, Duration.ofSeconds(10)).isEmpty()) {
      throw new io.kubevip.lab.LabException("VIP owned by " + o.get() + " but the client gets no reply");
    }
    Pause.millis(1000);
    Set<String> now = prober.owners();
    if (now.size() != 1) {
      return settle(timeout);
    }
    return now.iterator().next();
  }
}
