// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import io.kubevip.linux.error.LinuxException;
import io.kubevip.linux.jna.Namespaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs work bound to a named network namespace: one dedicated platform thread does setns(2) once,
 * and every task runs there, so sockets opened in a task stay in that namespace for their whole life
 * (they may then be used from any thread). Equivalent to: {@code ip netns exec $name ...}.
 *
 * <p>{@code java.net.NetworkInterface} is not reliable after setns; read links through {@link Netlink}.
 *
 * <p><b>Trap: a socket exists only once its file descriptor does.</b> {@code new java.net.Socket()} creates no
 * descriptor: the JDK makes it lazily on first use (bind/connect), on whatever thread that is. So
 * {@code ns.call(Socket::new)} followed by {@code connect} elsewhere dials from the <i>caller's</i> namespace — on
 * these machines the root namespace, i.e. the real network. Inside the task, bind the socket to an address that
 * exists only in the namespace (or use {@code SocketChannel.open()}/{@code DatagramChannel.open()}, which create the
 * descriptor at once, or our JNA sockets). This happened once in this project's tests (see docs/architecture.md).
 */
public final class NetNamespace implements AutoCloseable {
  private static final Path NETNS_DIR = Path.of("/run/netns");

  private final String name;
  private final ExecutorService thread;

  private NetNamespace(String name, Path file) {
    this.name = name;
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "netns-" + name);
      t.setDaemon(true);
      return t;
    });
    Future<?> entered = thread.submit(() -> Namespaces.enterNetworkNamespace(file));
    try {
      await(entered);
    } catch (RuntimeException e) {
      thread.shutdownNow();
      throw e;
    }
  }

  /** The namespace {@code ip netns add $name} created (/run/netns/$name). */
  public static NetNamespace named(String name) {
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("network namespace name '" + name + "' must be a plain file name");
    }
    Path file = NETNS_DIR.resolve(name);
    if (!Files.exists(file)) {
      throw new LinuxException("network namespace '" + name + "' does not exist (no " + file + ")");
    }
    return new NetNamespace(name, file);
  }

  public String name() {
    return name;
  }

  /** Runs {@code work} inside the namespace and returns its result; its exceptions pass through. */
  public <T> T call(Callable<T> work) {
    return await(thread.submit(work));
  }

  /** Runs {@code work} inside the namespace. */
  public void run(Runnable work) {
    await(thread.submit(work));
  }

  private <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinuxException("interrupted while waiting for work in namespace " + name, e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new LinuxException("work in network namespace " + name + " failed: " + c, c);
    }
  }

  /**
   * Whether the calling thread is in the root network namespace (compares the inode of
   * /proc/thread-self/ns/net with /proc/1/ns/net). Lab and test paths refuse to mutate there.
   */
  public static boolean isRootNamespace() {
    return Namespaces.currentThreadInRootNamespace();
  }

  /** Stops the namespace thread; sockets opened there stay open until closed by their owners. */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
