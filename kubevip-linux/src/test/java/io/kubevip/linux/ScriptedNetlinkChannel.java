// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import io.kubevip.linux.channel.NetlinkChannel;
import io.kubevip.linux.wire.netlink.NetlinkMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A kernel stand-in for unit tests: each sent request is answered by a script that sees the parsed
 * request and returns the reply messages (the testkit fakes cannot be used here: testkit depends on us).
 */
final class ScriptedNetlinkChannel implements NetlinkChannel {
  final List<NetlinkMessage> sent = new ArrayList<>();
  private final Deque<ByteBuffer> replies = new ArrayDeque<>();
  private final Function<NetlinkMessage, List<NetlinkMessage>> script;
  boolean root;

  ScriptedNetlinkChannel(Function<NetlinkMessage, List<NetlinkMessage>> script) {
    this.script = script;
  }

  @Override
  public void send(byte[] datagram) {
    NetlinkMessage req = NetlinkMessage.parseAll(ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder())).get(0);
    sent.add(req);
    for (NetlinkMessage m : script.apply(req)) {
      replies.add(ByteBuffer.wrap(m.encode()).order(ByteOrder.nativeOrder()));
    }
  }

  @Override
  public Optional<ByteBuffer> receive(Duration timeout) {
    return Optional.ofNullable(replies.poll());
  }

  @Override
  public boolean inRootNamespace() {
    return root;
  }

  @Override
  public void close() {}
}
