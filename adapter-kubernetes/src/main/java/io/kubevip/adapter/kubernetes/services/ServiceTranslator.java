// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.service.ExternalTrafficPolicy;
import io.kubevip.domain.service.IpFamilyPolicy;
import io.kubevip.domain.service.Protocol;
import io.kubevip.domain.service.RequestedAddresses;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * fabric8 Service → {@link ServiceIntent}. Never throws: a value the domain refuses becomes {@link Translation.Rejected}
 * naming the field, so one odd Service cannot stop the informer.
 */
final class ServiceTranslator {
  private ServiceTranslator() {}

  static ServiceRef refOf(ObjectMeta meta) {
    String ns = meta == null || meta.getNamespace() == null ? "" : meta.getNamespace();
    String name = meta == null || meta.getName() == null ? "" : meta.getName();
    return new ServiceRef(ns, name, meta == null ? "" : meta.getUid());
  }

  static Translation translate(Service svc, ServiceWatchSettings settings) {
    ServiceRef ref = refOf(svc.getMetadata());
    ServiceSpec spec = svc.getSpec() == null ? new ServiceSpec() : svc.getSpec();
    Selection selection = ServiceFilter.select(settings, spec.getType(), spec.getLoadBalancerClass());
    if (selection instanceof Selection.Skipped s) {
      return new Translation.Skipped(ref, s.reason(), s.detail());
    }
    try {
      return new Translation.Accepted(intent(ref, svc, spec));
    } catch (RuntimeException e) {
      return new Translation.Rejected(ref, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private static ServiceIntent intent(ServiceRef ref, Service svc, ServiceSpec spec) {
    Map<String, String> annotations = svc.getMetadata() == null || svc.getMetadata().getAnnotations() == null
        ? Map.of() : svc.getMetadata().getAnnotations();
    List<String> requested = RequestedAddresses.read(annotations.get(KubeVipAnnotations.LOADBALANCER_IPS),
        ingressIps(svc), spec.getLoadBalancerIP());
    return new ServiceIntent(
        ref,
        Optional.ofNullable(spec.getLoadBalancerClass()).filter(c -> !c.isBlank()),
        requested,
        ports(spec),
        trafficPolicy(spec.getExternalTrafficPolicy()),
        families(spec.getIpFamilies()),
        policy(spec.getIpFamilyPolicy()),
        // No sharing-key annotation exists in kube-vip; sharing comes from the pool's allow-share setting.
        Optional.empty(),
        Optional.ofNullable(annotations.get(KubeVipAnnotations.SERVICE_INTERFACE)).map(String::trim).filter(s -> !s.isEmpty()),
        "true".equals(trimmed(annotations.get(KubeVipAnnotations.IGNORE))),
        "true".equals(trimmed(annotations.get(KubeVipAnnotations.ALLOW_WITHOUT_ENDPOINTS))));
  }

  private static String trimmed(String s) {
    return s == null ? null : s.trim();
  }

  private static List<String> ingressIps(Service svc) {
    if (svc.getStatus() == null || svc.getStatus().getLoadBalancer() == null
        || svc.getStatus().getLoadBalancer().getIngress() == null) {
      return List.of();
    }
    List<String> ips = new ArrayList<>();
    for (LoadBalancerIngress i : svc.getStatus().getLoadBalancer().getIngress()) {
      if (i != null && i.getIp() != null) {
        ips.add(i.getIp());
      }
    }
    return ips;
  }

  private static List<ServicePort> ports(ServiceSpec spec) {
    List<ServicePort> out = new ArrayList<>();
    if (spec.getPorts() == null) {
      return out;
    }
    for (io.fabric8.kubernetes.api.model.ServicePort p : spec.getPorts()) {
      String proto = p.getProtocol() == null ? "TCP" : p.getProtocol().trim();
      Protocol protocol;
      try {
        protocol = Protocol.valueOf(proto.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("spec.ports[" + out.size() + "].protocol '" + proto
            + "': expected TCP, UDP or SCTP", e);
      }
      if (p.getPort() == null) {
        throw new IllegalArgumentException("spec.ports[" + out.size() + "].port is missing: expected 1..65535");
      }
      try {
        out.add(new ServicePort(protocol, p.getPort()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("spec.ports[" + out.size() + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static ExternalTrafficPolicy trafficPolicy(String value) {
    if (value == null || value.isBlank() || value.equals("Cluster")) {
      return ExternalTrafficPolicy.CLUSTER;
    }
    if (value.equals("Local")) {
      return ExternalTrafficPolicy.LOCAL;
    }
    throw new IllegalArgumentException("spec.externalTrafficPolicy '" + value + "': expected Cluster or Local");
  }

  private static List<IpFamily> families(List<String> names) {
    List<IpFamily> out = new ArrayList<>();
    if (names == null) {
      return out;
    }
    for (String n : names) {
      out.add(IpFamily.fromKubernetesName(n == null ? "" : n.trim()).orElseThrow(() -> new IllegalArgumentException(
          "spec.ipFamilies entry '" + n + "': expected IPv4 or IPv6")));
    }
    return out;
  }

  private static IpFamilyPolicy policy(String value) {
    try {
      return IpFamilyPolicy.fromKubernetes(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("spec." + e.getMessage(), e);
    }
  }
}
