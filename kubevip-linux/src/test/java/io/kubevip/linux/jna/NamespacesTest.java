// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.jna;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.linux.error.SyscallException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Exercises the direct-mapped errno path without changing any namespace. */
class NamespacesTest {
  @Test
  void givenMissingNamespaceFile_whenEntering_thenSyscallExceptionWithEnoent() throws Exception {
    var pool = Executors.newSingleThreadExecutor(); // never the test thread, even if setns succeeded
    try {
      Throwable t = CompletableFuture.supplyAsync(() -> {
        try {
          Namespaces.enterNetworkNamespace(Path.of("/run/netns/kubevip-does-not-exist"));
          return null;
        } catch (SyscallException e) {
          return e;
        }
      }, pool).get();
      assertThat(t).isInstanceOf(SyscallException.class)
          .hasMessage("opening network namespace /run/netns/kubevip-does-not-exist: ENOENT — No such file or directory");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenThisThread_whenReadingNamespaceId_thenNetInode() {
    assertThat(Namespaces.currentThreadNamespaceId()).matches("net:\\[\\d+\\]");
  }
}
