// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import static io.kubevip.linux.wire.netlink.NetlinkConstants.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.linux.channel.NetlinkChannel;
import io.kubevip.linux.error.SyscallException;
import io.kubevip.linux.model.NetlinkEvent;
import io.kubevip.linux.wire.netlink.IfAddrMsg;
import io.kubevip.linux.wire.netlink.NetlinkMessage;
import io.kubevip.linux.wire.netlink.RtAttr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NetlinkEventsTest {

  /** Replays a fixed script of receive outcomes, then times out until closed. */
  private static final class ReplayChannel implements NetlinkChannel {
    private final BlockingQueue<Object> script = new LinkedBlockingQueue<>();
    volatile boolean closed;

    @Override
    public void send(byte[] datagram) {}

    @Override
    public Optional<ByteBuffer> receive(Duration timeout) {
      Object next;
      try {
        next = script.poll(10, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return Optional.empty();
      }
      if (next instanceof RuntimeException e) {
        throw e;
      }
      return Optional.ofNullable((ByteBuffer) next);
    }

    @Override
    public boolean inRootNamespace() {
      return false;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static ByteBuffer delAddr() {
    IfAddrMsg a = new IfAddrMsg(AF_INET, 32, 0, 0, 2, List.of(new RtAttr(IFA_LOCAL, new byte[] {10, 99, 0, 50})));
    return ByteBuffer.wrap(new NetlinkMessage(RTM_DELADDR, 0, 0, 0, a).encode()).order(ByteOrder.nativeOrder());
  }

  @Test
  void givenOverflowThenGarbageThenRemoval_whenStreaming_thenLostEventThenRemovalAndSocketClosed()
      throws Exception {
    ReplayChannel ch = new ReplayChannel();
    ch.script.add(new SyscallException(105, "receiving on a netlink socket", null));
    ch.script.add(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
    ch.script.add(delAddr());
    BlockingQueue<NetlinkEvent> events = new LinkedBlockingQueue<>();
    try (NetlinkEvents ignored = NetlinkEvents.start(ch, events::add)) {
      assertThat(events.poll(2, TimeUnit.SECONDS)).isInstanceOf(NetlinkEvent.EventsLost.class);
      NetlinkEvent removal = events.poll(2, TimeUnit.SECONDS);
      assertThat(removal).isInstanceOfSatisfying(NetlinkEvent.AddrChanged.class, a -> {
        assertThat(a.removed()).isTrue();
        assertThat(a.addr().cidr()).isEqualTo("10.99.0.50/32");
        assertThat(a.addr().linkIndex()).isEqualTo(2);
      });
    }
    assertThat(ch.closed).isTrue();
  }
}
