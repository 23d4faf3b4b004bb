// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.model;

/**
 * A change the kernel multicast to us, as {@code ip monitor link address route} prints it.
 * {@link EventsLost} means the socket overflowed (ENOBUFS) and the caller must re-read state.
 */
public sealed interface NetlinkEvent
    permits NetlinkEvent.LinkChanged,
        NetlinkEvent.AddrChanged,
        NetlinkEvent.RouteChanged,
        NetlinkEvent.EventsLost {

  /** Monotonic receive time ({@link System#nanoTime()}), for latency checks. */
  long receivedNanos();

  record LinkChanged(boolean removed, Link link, long receivedNanos) implements NetlinkEvent {}

  record AddrChanged(boolean removed, Addr addr, long receivedNanos) implements NetlinkEvent {}

  record RouteChanged(boolean removed, Route route, long receivedNanos) implements NetlinkEvent {}

  record EventsLost(long receivedNanos) implements NetlinkEvent {}
}
