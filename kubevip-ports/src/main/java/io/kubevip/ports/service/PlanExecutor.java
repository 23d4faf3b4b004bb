// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.Action;
import io.kubevip.domain.plan.AnnouncementPlan;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.domain.plan.VipState;
import io.kubevip.ports.in.ActionFailure;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.VipAddressPort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads this node's actual VIP state and runs plans against the ports. The address part of the state is read
 * from the kernel every time; what is announced is remembered here, because neither ARP nor routes can be read
 * back as "announced by us".
 *
 * <p>On failure: a failed AddAddress skips the Announce of the same binding (announcing an address the node does
 * not have would attract traffic into a black hole); a failed Withdraw does not stop the RemoveAddress, and the
 * binding stays "announced" so the next plan retries the withdraw. Not thread-safe: one per use-case service,
 * which serialises calls.
 */
public final class PlanExecutor {
  private final VipAddressPort addresses;
  private final VipAnnouncer announcer;
  private final MetricsPort metrics;
  private final Set<VipBinding> announced = new HashSet<>();

  public PlanExecutor(VipAddressPort addresses, VipAnnouncer announcer, MetricsPort metrics) {
    this.addresses = Objects.requireNonNull(addresses, "addresses");
    this.announcer = Objects.requireNonNull(announcer, "announcer");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * The actual state on {@code ifaces} plus every interface something is still announced on.
   *
   * @throws PortException when the addresses cannot be listed; the pass cannot plan without them
   */
  public VipState actual(Collection<InterfaceName> ifaces) {
    Set<InterfaceName> all = new TreeSet<>(ifaces);
    announced.forEach(b -> all.add(b.iface()));
    Set<VipBinding> addressed = new HashSet<>();
    for (InterfaceName iface : all) {
      for (VipAddress vip : addresses.listOurs(iface)) {
        addressed.add(new VipBinding(vip, iface));
      }
    }
    return new VipState(addressed, announced);
  }

  /**
   * The actual state on every interface (one read), for a use case whose clean-up must also find our addresses on
   * interfaces nothing names now.
   *
   * @throws PortException when the addresses cannot be listed
   */
  public VipState actualEverywhere() {
    Set<VipBinding> addressed = new HashSet<>();
    addresses.listAllOurs().forEach((iface, vips) -> vips.forEach(v -> addressed.add(new VipBinding(v, iface))));
    return new VipState(addressed, announced);
  }

  /** Runs {@code plan}; returns the actions that succeeded and adds the others to {@code failures}. */
  public List<Action> execute(AnnouncementPlan plan, List<ActionFailure> failures) {
    List<Action> done = new ArrayList<>();
    Set<VipBinding> addFailed = new HashSet<>();
    List<Action> actions = plan.actions();
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      VipBinding b = action.binding();
      if (action instanceof Action.RemoveAddress) {
        i = removeAddresses(actions, i, done, failures) - 1;
        continue;
      }
      if (action instanceof Action.Announce && addFailed.contains(b)) {
        failures.add(new ActionFailure(action, "skipped: adding " + b.vip() + " to " + b.iface() + " failed"));
        continue;
      }
      try {
        run(action);
        done.add(action);
        metrics.actionExecuted(action, true);
      } catch (PortException e) {
        if (action instanceof Action.AddAddress) {
          addFailed.add(b);
        }
        failures.add(new ActionFailure(action, e.getMessage() == null ? e.toString() : e.getMessage()));
        metrics.actionExecuted(action, false);
      }
    }
    return done;
  }

  /**
   * The plan's RemoveAddress phase (consecutive: plans are ordered by phase) as one batch, so the adapter reads
   * the interfaces once however many VIPs go; returns the index after the phase.
   */
  private int removeAddresses(List<Action> actions, int from, List<Action> done, List<ActionFailure> failures) {
    int to = from;
    List<VipBinding> bindings = new ArrayList<>();
    while (to < actions.size() && actions.get(to) instanceof Action.RemoveAddress) {
      bindings.add(actions.get(to).binding());
      to++;
    }
    Map<VipBinding, PortException> failed;
    try {
      failed = addresses.removeAll(bindings);
    } catch (PortException e) {
      failed = new HashMap<>();
      for (VipBinding b : bindings) {
        failed.put(b, e);
      }
    }
    for (Action action : actions.subList(from, to)) {
      PortException e = failed.get(action.binding());
      if (e == null) {
        done.add(action);
      } else {
        failures.add(new ActionFailure(action, e.getMessage() == null ? e.toString() : e.getMessage()));
      }
      metrics.actionExecuted(action, e == null);
    }
    return to;
  }

  private void run(Action action) {
    VipBinding b = action.binding();
    if (action instanceof Action.Withdraw) {
      announcer.withdraw(b);
      announced.remove(b);
    } else if (action instanceof Action.RemoveAddress) {
      addresses.remove(b.vip(), b.iface());
    } else if (action instanceof Action.AddAddress) {
      addresses.add(b.vip(), b.iface());
    } else if (action instanceof Action.Announce) {
      announcer.announce(b);
      announced.add(b);
    }
  }

  /** The bindings announced by this executor, for refresh timers and health checks. */
  public Set<VipBinding> announced() {
    return Set.copyOf(announced);
  }
}
