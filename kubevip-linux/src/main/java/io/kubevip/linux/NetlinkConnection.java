// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLMSG_DONE;
import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLMSG_ERROR;
import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLM_F_ACK;
import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLM_F_DUMP;
import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLM_F_DUMP_INTR;
import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLM_F_REQUEST;

import io.kubevip.linux.channel.NetlinkChannel;
import io.kubevip.linux.error.DumpInterruptedException;
import io.kubevip.linux.error.LinuxException;
import io.kubevip.linux.error.NetlinkException;
import io.kubevip.linux.wire.netlink.NetlinkMessage;
import io.kubevip.linux.wire.netlink.NetlinkPayload;
import io.kubevip.linux.wire.netlink.NlMsgErr;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Request/ack and multipart dumps with sequence numbers over one channel. Not thread-safe. */
final class NetlinkConnection implements AutoCloseable {
  /** Dumps restarted this often before giving up (vishvananda retries the same way). */
  static final int DUMP_ATTEMPTS = 5;
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

  private final NetlinkChannel channel;
  private int seq = 1;

  NetlinkConnection(NetlinkChannel channel) {
    this.channel = channel;
  }

  NetlinkChannel channel() {
    return channel;
  }

  /** Sends a request with NLM_F_ACK and waits for the kernel's answer; errors become exceptions. */
  synchronized void ack(int type, int flags, NetlinkPayload payload, String operation) {
    int s = nextSeq();
    channel.send(new NetlinkMessage(type, flags | NLM_F_REQUEST | NLM_F_ACK, s, 0, payload).encode());
    while (true) {
      for (NetlinkMessage m : receive(operation)) {
        if (m.seq() == s && m.type() == NLMSG_ERROR) {
          NlMsgErr err = (NlMsgErr) m.payload();
          if (err.error() != 0) {
            throw new NetlinkException(err.errno(), s, operation, err.message());
          }
          return;
        }
      }
    }
  }

  /** Runs a dump, restarting it when the kernel flags NLM_F_DUMP_INTR. */
  synchronized List<NetlinkMessage> dump(int type, NetlinkPayload payload, String operation) {
    for (int attempt = 1; attempt <= DUMP_ATTEMPTS; attempt++) {
      Optional<List<NetlinkMessage>> result = dumpOnce(type, payload, operation);
      if (result.isPresent()) {
        return result.get();
      }
    }
    throw new DumpInterruptedException(operation, DUMP_ATTEMPTS);
  }

  private Optional<List<NetlinkMessage>> dumpOnce(int type, NetlinkPayload payload, String operation) {
    int s = nextSeq();
    channel.send(new NetlinkMessage(type, NLM_F_REQUEST | NLM_F_DUMP, s, 0, payload).encode());
    List<NetlinkMessage> out = new ArrayList<>();
    boolean interrupted = false;
    while (true) {
      for (NetlinkMessage m : receive(operation)) {
        if (m.seq() != s) {
          continue;
        }
        interrupted |= (m.flags() & NLM_F_DUMP_INTR) != 0;
        if (m.type() == NLMSG_DONE) {
          return interrupted ? Optional.empty() : Optional.of(out);
        }
        if (m.type() == NLMSG_ERROR) {
          NlMsgErr err = (NlMsgErr) m.payload();
          if (err.error() != 0) {
            throw new NetlinkException(err.errno(), s, operation, err.message());
          }
          continue;
        }
        out.add(m);
      }
    }
  }

  private List<NetlinkMessage> receive(String operation) {
    Optional<ByteBuffer> datagram = channel.receive(REPLY_TIMEOUT);
    if (datagram.isEmpty()) {
      throw new LinuxException(operation + ": the kernel did not answer within " + REPLY_TIMEOUT);
    }
    return NetlinkMessage.parseAll(datagram.get());
  }

  private int nextSeq() {
    seq = seq == Integer.MAX_VALUE ? 1 : seq + 1;
    return seq;
  }

  @Override
  public void close() {
    channel.close();
  }
}
