// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one short command ({@code ip}, {@code sysctl}, {@code curl}) and captures its output. The lab drives
 * iproute2 rather than netlink so that every step it takes can be replayed by hand from docs/lab.md.
 */
public final class Exec {
  /** Exit code and output of one command. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    public Result requireSuccess() {
      if (exitCode != 0) {
        throw new LabException(String.join(" ", command) + " exited " + exitCode + ": "
            + (stderr.strip() + " " + stdout.strip()).strip());
      }
      return this;
    }
  }

  private Exec() {}

  public static Result run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new LabException(String.join(" ", command) + " did not finish within 30 s");
      }
      return new Result(List.copyOf(command), p.exitValue(), new String(out, StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new LabException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted running " + String.join(" ", command), e);
    }
  }

  public static Result run(String... command) {
    return run(List.of(command));
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
