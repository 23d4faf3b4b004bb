// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.jna;

import com.sun.jna.LastErrorException;
import io.kubevip.linux.error.LinuxException;
import io.kubevip.linux.error.SyscallException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** setns(2) for the calling thread and the "is this the root namespace?" check. */
public final class Namespaces {
  private static final Path THREAD_NS = Path.of("/proc/thread-self/ns/net");
  private static final Path INIT_NS = Path.of("/proc/1/ns/net");

  private Namespaces() {}

  /**
   * Moves the calling thread (only it) into the network namespace at {@code nsFile}, e.g.
   * {@code /run/netns/n1}. Sockets it opens afterwards live there for their whole life.
   */
  public static void enterNetworkNamespace(Path nsFile) {
    LibC.ensureLoaded();
    int fd;
    try {
      fd = LibC.open(nsFile.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
    } catch (LastErrorException e) {
      throw new SyscallException(e.getErrorCode(), "opening network namespace " + nsFile, "CAP_SYS_ADMIN");
    }
    try {
      LibC.setns(fd, LibC.CLONE_NEWNET);
    } catch (LastErrorException e) {
      throw new SyscallException(e.getErrorCode(), "entering network namespace " + nsFile, "CAP_SYS_ADMIN");
    } finally {
      Sockets.close(fd);
    }
  }

  /**
   * Whether the calling thread is in the same network namespace as PID 1. Reads
   * /proc/thread-self, not /proc/self, because setns moves one thread, not the process.
   */
  public static boolean currentThreadInRootNamespace() {
    try {
      return Files.readSymbolicLink(THREAD_NS).equals(rootNamespaceId());
    } catch (IOException e) {
      throw new LinuxException("cannot compare " + THREAD_NS + " with " + INIT_NS + ": " + e, e);
    }
  }

  /**
   * /proc/1/ns/net, or, where that is unreadable (no CAP_SYS_PTRACE over PID 1, as in some
   * sandboxes), the namespace of the lowest-numbered process we may inspect (kthreadd, PID 2, on a
   * host), which lives in the initial namespace just like PID 1.
   */
  private static Path rootNamespaceId() throws IOException {
    try {
      return Files.readSymbolicLink(INIT_NS);
    } catch (IOException denied) {
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        List<Long> pids = procs.map(p -> p.getFileName().toString())
            .filter(n -> n.chars().allMatch(Character::isDigit))
            .map(Long::parseLong).sorted().toList();
        for (long pid : pids) {
          try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "net"));
          } catch (IOException next) {
            // not ours to inspect; try the next process
          }
        }
      }
      throw denied;
    }
  }

  /** The calling thread's namespace identity, e.g. {@code net:[4026531840]}. */
  public static String currentThreadNamespaceId() {
    try {
      return Files.readSymbolicLink(THREAD_NS).toString();
    } catch (IOException e) {
      throw new LinuxException("cannot read " + THREAD_NS + ": " + e, e);
    }
  }
}
