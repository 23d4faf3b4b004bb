// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.LinkWatchPort;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.VipAddressPort;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Keeps held VIPs on their interfaces between reconciles: when someone deletes a guarded VIP it is added again at
 * once (kube-vip re-adds only on its next 3 s ARP tick, "Re-applied the VIP configuration"), and an IPv6 VIP in
 * {@code dadfailed} is removed and added again (kube-vip#523). The re-add skips DAD because the address port adds
 * IPv6 VIPs with {@code IFA_F_NODAD} (the Linux adapter's default, kube-vip {@code vip_skipdad}); an address port
 * that does DAD would fail again while the other host keeps the address, and each failure is reported again.
 * Link down/up is passed on to {@link Events}, where the caller decides (e.g. give up leadership).
 *
 * <p>Use {@link #hold} and {@link #release} instead of the address port directly, so a VIP removed on purpose is
 * never re-added. Threading: hold/release from any thread; repairs and {@link Events} run on the link watcher's
 * thread, so the address port must tolerate calls from it concurrent with reconciles (the Linux adapter
 * serialises its calls). Holding a held binding again is harmless.
 */
public final class VipGuard implements AutoCloseable {
  /** What the guard did and saw; every method defaults to nothing. Called on the watcher thread. */
  public interface Events {
    /** {@code binding} was deleted by someone else and is back; {@code took} from the report to the re-add. */
    default void restored(VipBinding binding, Duration took) {}

    /** {@code binding} failed DAD and was added again without DAD. */
    default void dadRecovered(VipBinding binding) {}

    /** Re-adding {@code binding} failed; the next reconcile tries again. */
    default void restoreFailed(VipBinding binding, PortException error) {}

    default void linkDown(InterfaceName iface) {}

    default void linkUp(InterfaceName iface) {}
  }

  private final VipAddressPort addresses;
  private final Events events;
  private final LongSupplier nanoTime;
  private final Set<VipBinding> held = new HashSet<>();
  private final LinkWatchPort.Subscription subscription;

  public VipGuard(VipAddressPort addresses, LinkWatchPort watch, Events events) {
    this(addresses, watch, events, System::nanoTime);
  }

  /** With a monotonic nanosecond clock for the {@code took} of {@link Events#restored}. */
  public VipGuard(VipAddressPort addresses, LinkWatchPort watch, Events events, LongSupplier nanoTime) {
    this.addresses = Objects.requireNonNull(addresses, "addresses");
    this.events = Objects.requireNonNull(events, "events");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.subscription = Objects.requireNonNull(watch, "watch").watch(new Repairer());
  }

  /**
   * Adds the VIP and guards it from now on.
   *
   * @throws PortException when the address port fails; the binding is then not guarded
   */
  public void hold(VipBinding binding) {
    addresses.add(binding.vip(), binding.iface());
    synchronized (this) {
      held.add(binding);
    }
    subscription.guard(binding);
  }

  /** Stops guarding, then removes the VIP. */
  public void release(VipBinding binding) {
    synchronized (this) {
      held.remove(binding);
    }
    subscription.unguard(binding);
    addresses.remove(binding.vip(), binding.iface());
  }

  /** The bindings held now. */
  public synchronized Set<VipBinding> held() {
    return Set.copyOf(held);
  }

  private synchronized boolean isHeld(VipBinding binding) {
    return held.contains(binding);
  }

  /** Stops guarding; leaves every address where it is. */
  @Override
  public void close() {
    subscription.close();
  }

  private final class Repairer implements LinkWatchPort.Listener {
    @Override
    public void vipRemoved(VipBinding binding) {
      long seen = nanoTime.getAsLong();
      if (!isHeld(binding)) {
        return;
      }
      try {
        addresses.add(binding.vip(), binding.iface());
        events.restored(binding, Duration.ofNanos(nanoTime.getAsLong() - seen));
      } catch (PortException e) {
        events.restoreFailed(binding, e);
      }
    }

    @Override
    public void vipDadFailed(VipBinding binding) {
      if (!isHeld(binding)) {
        return;
      }
      try {
        addresses.remove(binding.vip(), binding.iface());
        addresses.add(binding.vip(), binding.iface());
        events.dadRecovered(binding);
      } catch (PortException e) {
        events.restoreFailed(binding, e);
      }
    }

    @Override
    public void linkDown(InterfaceName iface) {
      events.linkDown(iface);
    }

    @Override
    public void linkUp(InterfaceName iface) {
      events.linkUp(iface);
    }
  }
}
