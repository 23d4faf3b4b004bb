// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code kubevip lab}: the failover scenario, end to end, with a table (or JSON) of what the client saw. */
@Command(name = "kubevip lab", mixinStandardHelpOptions = true, sortOptions = false,
    version = "kubevip lab (module lab of kubevip 0.1.0-SNAPSHOT)", usageHelpAutoWidth = true,
    description = "As root: builds network namespaces (nodes, a client, a data LAN, a management LAN with an "
        + "embedded Kubernetes API), runs one kubevip manager per node in ARP mode for the control-plane VIP, "
        + "crashes the leader, brings it back, stops the next leader gracefully, and prints how long the VIP was "
        + "unreachable from the client. Nothing touches the root network namespace; everything is removed at the "
        + "end, also on Ctrl-C. See docs/lab.md.",
    footer = {"", "Exit codes: 0 every event met expectations, 1 one did not (or a step failed), 2 bad usage,",
        "130 stopped by Ctrl-C (after tearing everything down)."})
final class LabCommand implements Callable<Integer> {
  @Option(names = "--nodes", defaultValue = "3", description = "Number of nodes (2..9), default ${DEFAULT-VALUE}")
  int nodes;

  @Option(names = "--ipv6", description = "IPv6 VIP (fd99::50, NDP) instead of IPv4 (10.99.0.50, ARP)")
  boolean ipv6;

  @Option(names = "--json", description = "Print the results as one JSON object (progress goes to stderr)")
  boolean json;

  @Option(names = "--keep", description = "Leave namespaces and managers running; remove later with 'kubevip lab down'")
  boolean keep;

  @Option(names = "--lease", defaultValue = "3s", converter = DurationConverter.class,
      description = "Lease duration, e.g. 3s or 800ms; default ${DEFAULT-VALUE}")
  Duration lease;

  @Option(names = "--renew", defaultValue = "2s", converter = DurationConverter.class,
      description = "Renew deadline; default ${DEFAULT-VALUE}")
  Duration renew;

  @Option(names = "--retry", defaultValue = "500ms", converter = DurationConverter.class,
      description = "Retry period; default ${DEFAULT-VALUE}")
  Duration retry;

  @Option(names = "--kubevip-jar", description = "The manager's jar; default app/target/kubevip.jar")
  Path kubevipJar;

  @Option(names = "--workdir", defaultValue = "/tmp/kubevip-lab",
      description = "Where logs, the kubeconfig and the API request log go; default ${DEFAULT-VALUE}")
  Path workDir;

  @Override
  public Integer call() {
    LabSettings settings = new LabSettings(nodes, ipv6, keep, lease, renew, retry,
        kubevipJar != null ? kubevipJar : defaultJar(), workDir);
    Root.require();
    PrintStream out = System.out;
    Consumer<String> progress = json ? System.err::println : out::println;
    progress.accept("kubevip lab: " + new LabReport(settings, List.of(), List.of(), 0, java.util.Map.of()).settingsLine());
    List<EventResult> events = new ArrayList<>();
    LabReport report;
    LabRun run = LabRun.start(settings, progress);
    try {
      events.add(log(progress, run.steady(Duration.ofSeconds(2))));
      String crashed = run.owner();
      events.add(log(progress, run.crashOwner()));
      events.add(log(progress, run.recover(crashed)));
      events.add(log(progress, run.stopOwner()));
      report = new LabReport(settings, run.topology().namespaces(), events, run.apiWrites(),
          run.api().writesByResource());
      if (keep) {
        progress.accept(run.detach());
      }
    } catch (LabException e) {
      if (run.isTornDown()) {
        // Ctrl-C or SIGTERM: the shutdown hook removed everything under our feet; that is not a lab failure
        System.err.println("kubevip lab: stopped; namespaces and processes removed");
        return 130;
      }
      throw e;
    } finally {
      run.close();
    }
    out.print(json ? report.json() + "\n" : report.table());
    return report.ok() ? 0 : 1;
  }

  private static EventResult log(Consumer<String> progress, EventResult e) {
    progress.accept("  " + e.event() + ": " + (e.newOwner() == null ? "no owner" : "owner " + e.newOwner())
        + (e.outageMs() == null ? "" : ", longest gap between replies " + e.outageMs() + " ms")
        + (e.note().isEmpty() ? "" : " (" + e.note() + ")"));
    return e;
  }

  private static Path defaultJar() {
    String env = System.getenv("KUBEVIP_JAR");
    return Path.of(env != null && !env.isBlank() ? env : "app/target/kubevip.jar").toAbsolutePath();
  }

  /** 3s, 500ms, 1.5s or a bare number of seconds. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.strip();
      try {
        if (v.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        String secs = v.endsWith("s") ? v.substring(0, v.length() - 1) : v;
        return Duration.ofMillis(Math.round(Double.parseDouble(secs) * 1000));
      } catch (NumberFormatException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "expected a duration like 3s or 800ms, got '" + value + "'");
      }
    }
  }
}
