// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.domain.plan.VipBinding;
import io.kubevip.linux.model.Addr;
import java.util.HexFormat;

/**
 * An address on an interface as the link watch matches it (interface name, address bytes, prefix length), so an
 * event or a dump finds its guarded binding by lookup instead of by comparing with every binding.
 */
record AddressKey(String iface, String address, int prefixLength) {

  static AddressKey of(VipBinding b) {
    return new AddressKey(b.iface().name(), HexFormat.of().formatHex(b.vip().address().getAddress()),
        b.vip().prefixLength());
  }

  static AddressKey of(String iface, Addr a) {
    return new AddressKey(iface, HexFormat.of().formatHex(a.address().getAddress()), a.prefixLength());
  }
}
