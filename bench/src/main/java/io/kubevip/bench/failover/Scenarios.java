// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

import io.kubevip.lab.Clock;
import io.kubevip.lab.LabTopology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The injected failures, identical for every system: a dead machine (cut off both LANs, then SIGKILL), a
 * graceful stop (SIGTERM), and for kubevip an API partition (management link down, data LAN up). A failed run
 * ends its case with the error recorded, so one bad run does not lose the others' figures.
 */
final class Scenarios {
  private static final Duration SETTLE = Duration.ofSeconds(90);
  private final LabTopology topology;
  private final Measure measure;
  private final Consumer<String> progress;

  Scenarios(LabTopology topology, Measure measure, int runs, Consumer<String> progress) {
    this.topology = topology;
    this.measure = measure;
    this.progress = progress;
  }

  /** Cut off first, then SIGKILL: keepalived's child cannot get a priority-0 advert out in between. */
  CaseResult crash(Cluster c, String name, int runs, Duration timeout) {
    return loop(c, name, runs, i -> {
      String old = measure.settle(SETTLE);
      long t0 = Clock.nowMicros();
      topology.cutOff(old);
      c.kill(old);
      Event e = measure.failover(old, t0, timeout);
      log(c, name, i, e);
      long back = Clock.nowMicros();
      c.recover(old);
      return withMoves(c, name, i, e, measure.movesSince(back, old));
    });
  }

  CaseResult sigterm(Cluster c, String name, int runs, Duration timeout) {
    return loop(c, name, runs, i -> {
      String old = measure.settle(SETTLE);
      long t0 = Clock.nowMicros();
      int code = c.terminate(old);
      Event e = measure.failover(old, t0, timeout);
      log(c, name, i, e);
      long back = Clock.nowMicros();
      c.restart(old);
      e = withMoves(c, name, i, e, measure.movesSince(back, old));
      return code == 0 || code == 143 ? e : withNote(e, "exit code " + code);
    });
  }

  /**
   * The owner loses the API but not the data LAN: it must fence (drop the VIP) before another node's lease
   * acquisition, and after the link returns nothing may move again (flaps are counted 3 s past the restore).
   */
  CaseResult partition(Cluster c, String name, int runs, Duration timeout) {
    return loop(c, name, runs, i -> {
      String old = measure.settle(SETTLE);
      long t0 = Clock.nowMicros();
      topology.ip(LabTopology.MGMT, "link", "set", "m-" + old, "down");
      Event e;
      try {
        e = measure.failover(old, t0, timeout);
      } finally {
        topology.ip(LabTopology.MGMT, "link", "set", "m-" + old, "up");
      }
      Pause.millis(3000);
      int flaps = measure.flaps(old, e.newOwner(), t0);
      e = new Event(e.oldOwner(), e.newOwner(), e.outageMs(), e.firstReplyMs(), e.clientSwitchMs(),
          e.lostProbes(), e.twoOwnerSamples(), flaps, flaps == 0 ? e.note() : join(e.note(), flaps + " flaps"));
      log(c, name, i, e);
      return e;
    });
  }

  private interface Run {
    Event run(int i);
  }

  private CaseResult loop(Cluster c, String name, int runs, Run run) {
    List<Event> events = new ArrayList<>();
    long from = Clock.nowMicros();
    String error = null;
    for (int i = 1; i <= runs; i++) {
      try {
        events.add(run.run(i));
      } catch (RuntimeException ex) {
        error = "run " + i + ": " + ex.getMessage();
        progress.accept(c.system() + " " + name + " stopped at " + error);
        break;
      }
    }
    return new CaseResult(c.system(), name, c.timingsJson(), events, measure.twoOwnerSamples(from), error);
  }

  private void log(Cluster c, String name, int i, Event e) {
    progress.accept(String.format("%s %s #%d: %s -> %s outage %s ms, first reply %s ms, MAC switch %s ms, "
        + "lost %d, two-owner %d, flaps %d%s", c.system(), name, i, e.oldOwner(), e.newOwner(), e.outageMs(),
        e.firstReplyMs(), e.clientSwitchMs(), e.lostProbes(), e.twoOwnerSamples(), e.flaps(),
        e.note().isEmpty() ? "" : " (" + e.note() + ")"));
  }

  private static Event withNote(Event e, String note) {
    return new Event(e.oldOwner(), e.newOwner(), e.outageMs(), e.firstReplyMs(), e.clientSwitchMs(),
        e.lostProbes(), e.twoOwnerSamples(), e.flaps(), join(e.note(), note), e.restartMoves());
  }

  private Event withMoves(Cluster c, String name, int i, Event e, int moves) {
    if (moves > 0) {
      progress.accept(String.format("%s %s #%d: %d VIP moves while %s was brought back", c.system(), name, i,
          moves, e.oldOwner()));
    }
    return e.withRestartMoves(moves);
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "; " + b;
  }
}
