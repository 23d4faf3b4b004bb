// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.bgp;

import io.kubevip.adapter.bgp.BgpTransport;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Our speaker's transport with a clock on its output: when the last write of more than a KEEPALIVE returned, so
 * the bench can tell our side (advertise() to the last UPDATE handed to the kernel) from the router's side.
 */
final class StampingTransport implements BgpTransport {
  private static final int KEEPALIVE_LENGTH = 19;

  private final BgpTransport delegate;
  private volatile long lastWrite;

  StampingTransport(BgpTransport delegate) {
    this.delegate = delegate;
  }

  /** {@link System#nanoTime()} after the last write longer than a KEEPALIVE, 0 before any. */
  long lastWrite() {
    return lastWrite;
  }

  @Override
  public OutputStream output() throws IOException {
    return new FilterOutputStream(delegate.output()) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        if (len > KEEPALIVE_LENGTH) {
          lastWrite = System.nanoTime();
        }
      }
    };
  }

  @Override
  public void bind(InetAddress local) throws IOException {
    delegate.bind(local);
  }

  @Override
  public boolean isBound() {
    return delegate.isBound();
  }

  @Override
  public void connect(InetSocketAddress remote, Duration timeout) throws IOException {
    delegate.connect(remote, timeout);
  }

  @Override
  public void setReadTimeout(Duration timeout) throws IOException {
    delegate.setReadTimeout(timeout);
  }

  @Override
  public void setTtl(int ttl) throws IOException {
    delegate.setTtl(ttl);
  }

  @Override
  public InputStream input() throws IOException {
    return delegate.input();
  }

  @Override
  public InetAddress localAddress() throws IOException {
    return delegate.localAddress();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
