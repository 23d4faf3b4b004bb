// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.service;

/**
 * One exposed port of a Service ({@code spec.ports[].port} and protocol). Two Services may share an address only
 * when none of their ServicePorts are equal.
 */
public record ServicePort(Protocol protocol, int port) implements Comparable<ServicePort> {
  public ServicePort {
    if (protocol == null) {
      throw new IllegalArgumentException("protocol: expected TCP, UDP or SCTP");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + ": expected 1..65535");
    }
  }

  public static ServicePort tcp(int port) {
    return new ServicePort(Protocol.TCP, port);
  }

  public static ServicePort udp(int port) {
    return new ServicePort(Protocol.UDP, port);
  }

  @Override
  public int compareTo(ServicePort o) {
    int c = protocol.compareTo(o.protocol);
    return c != 0 ? c : Integer.compare(port, o.port);
  }

  @Override
  public String toString() {
    return port + "/" + protocol;
  }
}
