// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import io.kubevip.linux.channel.Frame;
import io.kubevip.linux.channel.FrameChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link FrameChannel} without a kernel (MidoNet MockNetlinkChannel style): records what is sent
 * and returns frames a test queued, so ARP code is tested without namespaces or privileges.
 */
public final class InMemoryFrameChannel implements FrameChannel {
  /** One frame handed to {@link #send}. */
  public record Sent(byte[] payload, byte[] destinationMac) {}

  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Frame> readable = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  @Override
  public void send(byte[] payload, byte[] destinationMac) {
    if (closed) {
      throw new IllegalStateException("send on a closed InMemoryFrameChannel");
    }
    sent.add(new Sent(payload.clone(), destinationMac.clone()));
  }

  @Override
  public Optional<Frame> receive(Duration timeout) {
    try {
      return Optional.ofNullable(readable.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Makes {@code frame} the next one {@link #receive} returns. */
  public void enqueue(Frame frame) {
    readable.add(frame);
  }

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  public boolean isClosed() {
    return closed;
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
