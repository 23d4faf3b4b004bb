// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.ServiceRef;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * kube-vip's Node labels ({@code enable_node_labeling}), so workloads and users can find the node behind a VIP with a
 * label selector. The names and the value encoding are kube-vip's: a label value allows only {@code [A-Za-z0-9._-]}
 * and 63 characters, so an IPv6 address is written as its 32 lower-case hex digits
 * ({@code 2001:db8::105} → {@code 20010db8000000000000000000000105}) and several addresses are joined with
 * {@code _} in the Service's order ({@code 192.0.2.105_20010db8000000000000000000000105}).
 */
public final class KubeVipNodeLabels {
  /** On the control-plane leader while it holds the VIP. */
  public static final String HAS_IP = "kube-vip.io/has-ip";
  /** Prefix of {@code service-provided.kube-vip.io/<svc>.<ns>} on the node serving a LoadBalancer Service. */
  public static final String SERVICE_PROVIDED = "service-provided.kube-vip.io";

  private static final Pattern LABEL_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]");

  private KubeVipNodeLabels() {}

  /** The label value for {@code vips}, in the order given. */
  public static String value(Collection<VipAddress> vips) {
    List<String> parts = new ArrayList<>();
    for (VipAddress vip : vips) {
      parts.add(vip.address() instanceof Inet6Address ? hex(vip.address().getAddress()) : vip.hostText());
    }
    return String.join("_", parts);
  }

  /** {@code kube-vip.io/has-ip=<vips>} for the control-plane leader (both addresses when dual-stack). */
  public static Map<String, String> leader(List<VipAddress> vips) {
    return vips.isEmpty() ? Map.of() : Map.of(HAS_IP, value(vips));
  }

  /** {@code service-provided.kube-vip.io/<name>.<namespace>}. */
  public static String serviceKey(ServiceRef service) {
    return SERVICE_PROVIDED + "/" + service.name() + "." + service.namespace();
  }

  public static boolean isServiceKey(String key) {
    return key.startsWith(SERVICE_PROVIDED + "/");
  }

  /**
   * The labels a node announcing {@code announced} carries for the Services judged in {@code claims}
   * ({@link ClusterModel#claims}): one per Service with at
   * least one of its usable VIPs announced here, valued with those VIPs in the Service's order. A Service whose label
   * name ({@code <name>.<namespace>}) or value would break the label syntax (longer than 63 characters) is left out,
   * since the API server would refuse the whole write.
   */
  public static Map<String, String> servicesProvided(Map<ServiceRef, AddressClaim> claims,
      Set<VipAddress> announced) {
    Map<String, String> out = new TreeMap<>();
    if (announced.isEmpty()) {
      return out;
    }
    claims.forEach((service, claim) -> {
      if (!(claim instanceof AddressClaim.Usable usable)) {
        return;
      }
      List<VipAddress> served = usable.vips().stream().filter(announced::contains).toList();
      if (served.isEmpty()) {
        return;
      }
      String value = value(served);
      if (validPart(service.name() + "." + service.namespace()) && validPart(value)) {
        out.put(serviceKey(service), value);
      }
    });
    return out;
  }

  /** A label value, or the name part of a key: at most 63 of {@code [A-Za-z0-9._-]}, alphanumeric at both ends. */
  static boolean validPart(String text) {
    return LABEL_PART.matcher(text).matches();
  }

  private static String hex(byte[] bytes) {
    StringBuilder b = new StringBuilder(bytes.length * 2);
    for (byte x : bytes) {
      b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return b.toString();
  }
}
