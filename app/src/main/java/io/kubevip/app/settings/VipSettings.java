// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.settings;

import io.kubevip.domain.address.VipAddress;
import java.util.List;

/**
 * The control-plane VIP as the data plane will need it.
 *
 * @param addresses IP VIPs (DHCP markers included)
 * @param dnsNames DNS-named VIPs still to resolve
 * @param apiServerPort API server port behind the VIP
 * @param interfaceName VIP interface, null = the default route's interface
 * @param servicesInterfaceName Service VIP interface, null = interfaceName
 * @param skipDad add IPv6 VIPs with nodad
 */
public record VipSettings(List<VipAddress> addresses, List<String> dnsNames, int apiServerPort, String interfaceName,
    String servicesInterfaceName, boolean skipDad) {
  public VipSettings {
    addresses = List.copyOf(addresses);
    dnsNames = List.copyOf(dnsNames);
  }
}
