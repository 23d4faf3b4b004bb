// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ClusterWatchListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every delivered event as a short string ({@code service+ ns/name}, {@code synced}, ...), thread-safe. */
public final class RecordingClusterWatchListener implements ClusterWatchListener {
  private final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void serviceUpserted(ServiceIntent service) {
    events.add("service+ " + service.service().key());
  }

  @Override
  public void serviceDeleted(ServiceRef service) {
    events.add("service- " + service.key());
  }

  @Override
  public void serviceRejected(ServiceRef service, String problem) {
    events.add("service! " + service.key() + " " + problem);
  }

  @Override
  public void serviceIgnored(ServiceRef service, String reason) {
    events.add("service? " + service.key() + " " + reason);
  }

  @Override
  public void serviceHostChanged(ServiceRef service, java.util.Optional<NodeId> host) {
    events.add("host " + service.key() + " " + host.map(NodeId::name).orElse("-"));
  }

  @Override
  public void poolConfigChanged(PoolConfig config) {
    events.add("pools " + config);
  }

  @Override
  public void endpointsUpserted(EndpointNodes endpoints) {
    events.add("endpoints+ " + endpoints.service().key() + "/" + endpoints.sliceName() + " "
        + endpoints.readyNodes().stream().map(NodeId::name).sorted().toList());
  }

  @Override
  public void endpointsDeleted(ServiceRef service, String sliceName) {
    events.add("endpoints- " + service.key() + "/" + sliceName);
  }

  @Override
  public void nodeUpserted(NodeInfo node) {
    events.add("node+ " + node.id() + (node.eligible() ? " eligible" : " ineligible"));
  }

  @Override
  public void nodeDeleted(NodeId node) {
    events.add("node- " + node);
  }

  @Override
  public void synced() {
    events.add("synced");
  }

  public List<String> events() {
    return List.copyOf(events);
  }
}
