// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.node.TableRoute;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.BgpAdvertisementPort;
import io.kubevip.ports.out.L2AnnouncePort;
import io.kubevip.ports.out.RouteTablePort;
import java.util.Objects;
import java.util.Set;

/**
 * How the Announce and Withdraw steps of a plan reach the network in the configured mode (ARP, BGP, routing
 * table), so use cases are written once for every mode. Same threading and idempotency as the port it wraps.
 */
public interface VipAnnouncer {
  /** A label for logs and metrics: {@code arp}, {@code bgp}, {@code routetable}. */
  String mode();

  void announce(VipBinding binding);

  void withdraw(VipBinding binding);

  /** Layer 2: gratuitous ARP / unsolicited NA on announce; withdraw is implicit in removing the address. */
  static VipAnnouncer l2(L2AnnouncePort port) {
    Objects.requireNonNull(port, "port");
    return new VipAnnouncer() {
      @Override
      public String mode() {
        return "arp";
      }

      @Override
      public void announce(VipBinding binding) {
        port.announce(binding.vip(), binding.iface());
      }

      @Override
      public void withdraw(VipBinding binding) {
        // Nothing to send: once the address is gone the kernel stops answering ARP/ND for it.
      }
    };
  }

  /** BGP: advertise and withdraw the VIP as a prefix to every peer. */
  static VipAnnouncer bgp(BgpAdvertisementPort port) {
    Objects.requireNonNull(port, "port");
    return new VipAnnouncer() {
      @Override
      public String mode() {
        return "bgp";
      }

      @Override
      public void announce(VipBinding binding) {
        port.advertise(Set.of(binding.vip()));
      }

      @Override
      public void withdraw(VipBinding binding) {
        port.withdraw(Set.of(binding.vip()));
      }
    };
  }

  /** Routing table: a route per VIP in ({@code table}, {@code protocol}) for an external daemon to export. */
  static VipAnnouncer routeTable(RouteTablePort port, int table, int protocol) {
    Objects.requireNonNull(port, "port");
    return new VipAnnouncer() {
      @Override
      public String mode() {
        return "routetable";
      }

      @Override
      public void announce(VipBinding binding) {
        port.add(new TableRoute(binding.vip(), binding.iface(), table, protocol));
      }

      @Override
      public void withdraw(VipBinding binding) {
        port.remove(new TableRoute(binding.vip(), binding.iface(), table, protocol));
      }
    };
  }
}
