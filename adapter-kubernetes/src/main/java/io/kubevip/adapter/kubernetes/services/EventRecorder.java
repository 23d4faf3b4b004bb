// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ServiceEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * core/v1 Events on Services, aggregated like client-go's EventCorrelator: the same type, reason and message for the
 * same Service within {@link #AGGREGATION_WINDOW} bumps {@code count} and {@code lastTimestamp} of one Event instead
 * of creating another, so a flapping VIP shows as "x12" in {@code kubectl describe} rather than flooding etcd.
 * Events are best effort: a failed write is logged, never thrown.
 */
final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  static final String COMPONENT = "kube-vip";
  /** client-go {@code defaultAggregateIntervalInSeconds} = 600. */
  static final Duration AGGREGATION_WINDOW = Duration.ofMinutes(10);
  /** client-go keeps 4096 correlation entries; we see far fewer Services. */
  private static final int CACHE_SIZE = 1024;
  /** The API server limits an Event message to 1 KiB in events.k8s.io; keep core/v1 Events as short. */
  static final int MAX_MESSAGE = 1024;

  private record Seen(String eventName, int count, Instant last) {}

  private final KubernetesClient client;
  private final String host;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Seen> seen = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  EventRecorder(KubernetesClient client, String host, Clock clock) {
    this.client = client;
    this.host = host;
    this.clock = clock;
  }

  /** {@code service} must carry the Service's uid: {@code kubectl describe} finds Events by it. */
  void record(ServiceRef service, ServiceEvent event) {
    record(service, event, clock.instant());
  }

  /** As {@link #record(ServiceRef, ServiceEvent)}, at {@code now}: when the Event happened, not when it is written. */
  void record(ServiceRef service, ServiceEvent event, Instant now) {
    String message = event.message().length() > MAX_MESSAGE ? event.message().substring(0, MAX_MESSAGE) : event.message();
    String key = service.key() + "\u0000" + service.uid() + "\u0000" + event.type() + "\u0000" + event.reason()
        + "\u0000" + message;
    Seen previous;
    synchronized (seen) {
      previous = seen.get(key);
    }
    try {
      Seen next = previous != null && Duration.between(previous.last(), now).compareTo(AGGREGATION_WINDOW) < 0
          ? bump(service, previous, now).orElseGet(() -> create(service, event, message, now))
          : create(service, event, message, now);
      synchronized (seen) {
        seen.put(key, next);
      }
    } catch (KubernetesClientException e) {
      LOG.warn("Event {} on Service {} not recorded: HTTP {} {}", event.reason(), service, e.getCode(), e.getMessage());
    }
  }

  private java.util.Optional<Seen> bump(ServiceRef service, Seen previous, Instant now) {
    int count = previous.count() + 1;
    try {
      Event updated = client.v1().events().inNamespace(service.namespace()).withName(previous.eventName())
          .edit(e -> new EventBuilder(e).withCount(count).withLastTimestamp(timestamp(now)).build());
      return java.util.Optional.ofNullable(updated).map(u -> new Seen(previous.eventName(), count, now));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return java.util.Optional.empty(); // expired (Event TTL, 1 h by default): start a new one
      }
      throw e;
    }
  }

  private Seen create(ServiceRef service, ServiceEvent event, String message, Instant now) {
    // client-go names Events <object>.<hex unix nanos>; the sequence keeps names unique under a fixed test clock.
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano() + sequence.incrementAndGet();
    String name = service.name() + "." + Long.toHexString(nanos);
    String ts = timestamp(now);
    client.v1().events().inNamespace(service.namespace()).resource(new EventBuilder()
            .withNewMetadata().withNamespace(service.namespace()).withName(name).endMetadata()
            .withNewInvolvedObject().withApiVersion("v1").withKind("Service").withNamespace(service.namespace())
            .withName(service.name()).withUid(service.uid()).endInvolvedObject()
            .withType(event.type() == ServiceEvent.Type.WARNING ? "Warning" : "Normal")
            .withReason(event.reason())
            .withMessage(message)
            .withNewSource().withComponent(COMPONENT).withHost(host).endSource()
            .withReportingComponent(COMPONENT)
            .withReportingInstance(host)
            .withFirstTimestamp(ts)
            .withLastTimestamp(ts)
            .withCount(1)
            .build())
        .create();
    return new Seen(name, 1, now);
  }

  private static String timestamp(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
