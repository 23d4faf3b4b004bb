// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import static io.kubevip.linux.wire.netlink.NetlinkConstants.*;

import io.kubevip.linux.channel.NetlinkChannel;
import io.kubevip.linux.error.Errno;
import io.kubevip.linux.error.SyscallException;
import io.kubevip.linux.jna.NetlinkSocket;
import io.kubevip.linux.model.NetlinkEvent;
import io.kubevip.linux.wire.WireFormatException;
import io.kubevip.linux.wire.netlink.IfAddrMsg;
import io.kubevip.linux.wire.netlink.IfInfoMsg;
import io.kubevip.linux.wire.netlink.NetlinkMessage;
import io.kubevip.linux.wire.netlink.RtMsg;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream of link, address and route changes, delivered to a listener on one dedicated platform
 * thread as soon as the kernel multicasts them (equivalent to: {@code ip monitor link address route}).
 * The listener must not block for long; a socket overflow is delivered as
 * {@link NetlinkEvent.EventsLost} so the caller re-reads state.
 */
public final class NetlinkEvents implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NetlinkEvents.class);
  /** How often the reader wakes up to notice {@link #close()}; events themselves arrive at once. */
  private static final Duration POLL = Duration.ofMillis(200);

  /** The rtnetlink multicast groups one can subscribe to. */
  public enum Group {
    LINK(RTMGRP_LINK),
    IPV4_ADDRESS(RTMGRP_IPV4_IFADDR),
    IPV6_ADDRESS(RTMGRP_IPV6_IFADDR),
    IPV4_ROUTE(RTMGRP_IPV4_ROUTE),
    IPV6_ROUTE(RTMGRP_IPV6_ROUTE);

    final int mask;

    Group(int mask) {
      this.mask = mask;
    }
  }

  private final NetlinkChannel channel;
  private final Consumer<NetlinkEvent> listener;
  private final Thread thread;
  private volatile boolean running = true;

  private NetlinkEvents(NetlinkChannel channel, Consumer<NetlinkEvent> listener, String name) {
    this.channel = channel;
    this.listener = listener;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
  }

  /** Subscribes in the calling thread's network namespace and starts the reader thread. */
  public static NetlinkEvents subscribe(Set<Group> groups, Consumer<NetlinkEvent> listener) {
    int mask = 0;
    for (Group g : groups) {
      mask |= g.mask;
    }
    return start(NetlinkSocket.open(mask), listener);
  }

  /** Reads events from an already subscribed channel (e.g. a testkit fake). */
  public static NetlinkEvents start(NetlinkChannel channel, Consumer<NetlinkEvent> listener) {
    NetlinkEvents e = new NetlinkEvents(channel, listener, "netlink-events");
    e.thread.start();
    return e;
  }

  private void loop() {
    try {
      while (running) {
        Optional<ByteBuffer> datagram;
        try {
          datagram = channel.receive(POLL);
        } catch (SyscallException e) {
          if (e.errno() == Errno.ENOBUFS) {
            deliver(new NetlinkEvent.EventsLost(System.nanoTime()));
            continue;
          }
          LOG.warn("netlink event stream stopped: {}", e.getMessage());
          return;
        }
        if (datagram.isPresent()) {
          dispatch(datagram.get());
        }
      }
    } finally {
      channel.close(); // only this thread touches the descriptor, so no fd is reused under a read
    }
  }

  private void dispatch(ByteBuffer datagram) {
    long now = System.nanoTime();
    try {
      for (NetlinkMessage m : NetlinkMessage.parseAll(datagram)) {
        toEvent(m, now).ifPresent(this::deliver);
      }
    } catch (WireFormatException | IllegalArgumentException e) {
      LOG.warn("ignoring an undecodable netlink event: {}", e.getMessage());
    }
  }

  static Optional<NetlinkEvent> toEvent(NetlinkMessage m, long now) {
    int t = m.type();
    if (m.payload() instanceof IfInfoMsg i && (t == RTM_NEWLINK || t == RTM_DELLINK)) {
      return Optional.of(new NetlinkEvent.LinkChanged(t == RTM_DELLINK, ModelMapping.link(i), now));
    }
    if (m.payload() instanceof IfAddrMsg a && (t == RTM_NEWADDR || t == RTM_DELADDR)
        && (a.family() == AF_INET || a.family() == AF_INET6)) {
      return Optional.of(new NetlinkEvent.AddrChanged(t == RTM_DELADDR, ModelMapping.addr(a), now));
    }
    if (m.payload() instanceof RtMsg r && (t == RTM_NEWROUTE || t == RTM_DELROUTE)
        && (r.family() == AF_INET || r.family() == AF_INET6)) {
      return Optional.of(new NetlinkEvent.RouteChanged(t == RTM_DELROUTE, ModelMapping.route(r), now));
    }
    return Optional.empty();
  }

  private void deliver(NetlinkEvent e) {
    try {
      listener.accept(e);
    } catch (RuntimeException ex) {
      LOG.warn("netlink event listener failed on {}", e, ex);
    }
  }

  /** Stops the reader (within about 200 ms) and closes the socket. */
  @Override
  public void close() {
    running = false;
    if (Thread.currentThread() != thread) {
      try {
        thread.join(Duration.ofSeconds(2).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
