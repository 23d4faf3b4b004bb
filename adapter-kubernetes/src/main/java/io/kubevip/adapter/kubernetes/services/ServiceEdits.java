// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.ServiceCondition;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The changes {@link KubernetesServiceStatus} makes to a Service, as pure functions of the live object: each returns
 * the edited copy, or empty when the live object already says so — that is what makes every write idempotent (no
 * request at all when nothing changes), and lets a conflict retry recompute from a fresh read.
 */
final class ServiceEdits {
  /** metav1.Condition.message is limited to 32768 characters. */
  static final int MAX_CONDITION_MESSAGE = 32768;

  private ServiceEdits() {}

  /** {@code kube-vip.io/vipHost} set to the node, or removed. */
  static Optional<Service> vipHost(Service live, Optional<NodeId> host) {
    Map<String, String> annotations = copy(live.getMetadata().getAnnotations());
    String want = host.map(NodeId::name).orElse(null);
    if (Objects.equals(annotations.get(KubeVipAnnotations.VIP_HOST), want)) {
      return Optional.empty();
    }
    if (want == null) {
      annotations.remove(KubeVipAnnotations.VIP_HOST);
    } else {
      annotations.put(KubeVipAnnotations.VIP_HOST, want);
    }
    return Optional.of(new ServiceBuilder(live).editMetadata().withAnnotations(annotations).endMetadata().build());
  }

  /**
   * {@code kube-vip.io/loadbalancerIPs} and label {@code implementation: kube-vip}, as kube-vip-cloud-provider writes
   * them after allocating: the annotation makes the allocation durable, the label lets allocators list addresses in use.
   */
  static Optional<Service> allocation(Service live, List<VipAddress> addresses) {
    Map<String, String> annotations = copy(live.getMetadata().getAnnotations());
    Map<String, String> labels = copy(live.getMetadata().getLabels());
    String want = addresses.stream().map(VipAddress::hostText).collect(Collectors.joining(","));
    if (want.equals(annotations.get(KubeVipAnnotations.LOADBALANCER_IPS))
        && KubeVipAnnotations.IMPLEMENTATION_VALUE.equals(labels.get(KubeVipAnnotations.IMPLEMENTATION_LABEL))) {
      return Optional.empty();
    }
    annotations.put(KubeVipAnnotations.LOADBALANCER_IPS, want);
    labels.put(KubeVipAnnotations.IMPLEMENTATION_LABEL, KubeVipAnnotations.IMPLEMENTATION_VALUE);
    return Optional.of(new ServiceBuilder(live).editMetadata().withAnnotations(annotations).withLabels(labels)
        .endMetadata().build());
  }

  /**
   * {@code status.loadBalancer.ingress} = one entry per address, in order; DHCP markers ({@code 0.0.0.0}) are not
   * addresses anyone can reach and are left out. An existing entry for the same IP is kept as is (its ports, ipMode).
   */
  static Optional<Service> ingress(Service live, List<VipAddress> addresses) {
    List<LoadBalancerIngress> current = live.getStatus() == null || live.getStatus().getLoadBalancer() == null
        || live.getStatus().getLoadBalancer().getIngress() == null
        ? List.of() : live.getStatus().getLoadBalancer().getIngress();
    List<String> want = addresses.stream().filter(a -> !a.isDhcpMarker()).map(VipAddress::hostText).toList();
    List<String> have = current.stream().map(i -> i.getIp() == null ? "hostname:" + i.getHostname() : i.getIp()).toList();
    if (want.equals(have)) {
      return Optional.empty();
    }
    List<LoadBalancerIngress> next = new ArrayList<>();
    for (String ip : want) {
      next.add(current.stream().filter(i -> ip.equals(i.getIp())).findFirst()
          .orElseGet(() -> new LoadBalancerIngressBuilder().withIp(ip).build()));
    }
    Service copy = new ServiceBuilder(live).build();
    ServiceStatus status = copy.getStatus() == null ? new ServiceStatus() : copy.getStatus();
    status.setLoadBalancer(new io.fabric8.kubernetes.api.model.LoadBalancerStatusBuilder().withIngress(next).build());
    copy.setStatus(status);
    return Optional.of(copy);
  }

  /**
   * Adds or replaces the condition of the same type. {@code lastTransitionTime} moves only when the status flips;
   * {@code observedGeneration} is the Service's generation, so readers can tell a stale condition.
   */
  static Optional<Service> condition(Service live, ServiceCondition c, Instant now) {
    List<Condition> current = live.getStatus() == null || live.getStatus().getConditions() == null
        ? List.of() : live.getStatus().getConditions();
    String status = c.status() ? "True" : "False";
    String reason = ConditionReasons.sanitize(c.reason());
    String message = c.message().length() > MAX_CONDITION_MESSAGE
        ? c.message().substring(0, MAX_CONDITION_MESSAGE) : c.message();
    Long generation = live.getMetadata().getGeneration();
    Optional<Condition> old = current.stream().filter(x -> c.type().equals(x.getType())).findFirst();
    if (old.isPresent() && status.equals(old.get().getStatus()) && reason.equals(old.get().getReason())
        && message.equals(Objects.toString(old.get().getMessage(), ""))
        && Objects.equals(generation, old.get().getObservedGeneration())) {
      return Optional.empty();
    }
    String transition = old.filter(o -> status.equals(o.getStatus())).map(Condition::getLastTransitionTime)
        .orElse(DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
    Condition next = new ConditionBuilder().withType(c.type()).withStatus(status).withReason(reason)
        .withMessage(message).withObservedGeneration(generation).withLastTransitionTime(transition).build();
    List<Condition> conditions = new ArrayList<>();
    boolean replaced = false;
    for (Condition x : current) {
      if (c.type().equals(x.getType())) {
        conditions.add(next);
        replaced = true;
      } else {
        conditions.add(x);
      }
    }
    if (!replaced) {
      conditions.add(next);
    }
    Service copy = new ServiceBuilder(live).build();
    ServiceStatus st = copy.getStatus() == null ? new ServiceStatus() : copy.getStatus();
    st.setConditions(conditions);
    copy.setStatus(st);
    return Optional.of(copy);
  }

  private static Map<String, String> copy(Map<String, String> m) {
    return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
  }
}
