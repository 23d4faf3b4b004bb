// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.address;

import java.net.Inet4Address;
import java.net.InetAddress;

/** The two address families, named as Kubernetes names them in {@code spec.ipFamilies}. */
public enum IpFamily {
  IPV4("IPv4", 32),
  IPV6("IPv6", 128);

  private final String kubernetesName;
  private final int bits;

  IpFamily(String kubernetesName, int bits) {
    this.kubernetesName = kubernetesName;
    this.bits = bits;
  }

  /** The name Kubernetes uses in {@code spec.ipFamilies}: {@code IPv4} or {@code IPv6}. */
  public String kubernetesName() {
    return kubernetesName;
  }

  /** Address width in bits: the host-route prefix length of this family. */
  public int bits() {
    return bits;
  }

  public static IpFamily of(InetAddress address) {
    return address instanceof Inet4Address ? IPV4 : IPV6;
  }

  /** Parses {@code IPv4}/{@code IPv6} (case-insensitive); empty when the text names neither. */
  public static java.util.Optional<IpFamily> fromKubernetesName(String name) {
    for (IpFamily f : values()) {
      if (f.kubernetesName.equalsIgnoreCase(name)) {
        return java.util.Optional.of(f);
      }
    }
    return java.util.Optional.empty();
  }
}
