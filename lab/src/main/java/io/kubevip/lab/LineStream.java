// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * A long-lived command ({@code ping}, {@code ip monitor}) whose stdout lines are handed, with the time each
 * was read, to a consumer on a thread of its own. Reading on arrival is what makes the timestamps worth
 * something: the lab measures failover from them.
 */
public final class LineStream implements AutoCloseable {
  /** One line and when it was read (epoch microseconds). */
  public interface Sink {
    void accept(long readAtMicros, String line);
  }

  private final Process process;
  private final Thread reader;
  private final String label;

  private LineStream(String label, Process process, Sink sink) {
    this.label = label;
    this.process = process;
    this.reader = new Thread(() -> pump(sink), "lab-" + label);
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /** Starts {@code command}; stderr is discarded (ping and ip monitor print nothing we need there). */
  public static LineStream start(String label, List<String> command, Sink sink) {
    try {
      Process p = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      return new LineStream(label, p, sink);
    } catch (IOException e) {
      throw new LabException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
  }

  /** Convenience for consumers that do not need the read time. */
  public static LineStream start(String label, List<String> command, Consumer<String> lines) {
    return start(label, command, (at, line) -> lines.accept(line));
  }

  private void pump(Sink sink) {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        sink.accept(Clock.nowMicros(), line);
      }
    } catch (IOException e) {
      // the process was stopped: nothing more to read
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String label() {
    return label;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
