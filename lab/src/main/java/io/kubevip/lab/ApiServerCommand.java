// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Hidden: the lab starts this inside the api namespace; see {@link ApiServerMain}. */
@Command(name = "api-server", hidden = true, description = "Serve the embedded Kubernetes API (used by the lab)")
final class ApiServerCommand implements Callable<Integer> {
  @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on")
  String bind;

  @Option(names = "--port", defaultValue = "6443", description = "Port to listen on")
  int port;

  @Option(names = "--http", description = "Plain HTTP instead of HTTPS with a self-signed certificate")
  boolean http;

  @Option(names = "--request-log", description = "Append one line per write request to this file")
  Path requestLog;

  @Option(names = "--admin-socket", description = "Also serve the API through this Unix socket (for tests in another"
      + " namespace)")
  Path adminSocket;

  @Override
  public Integer call() throws Exception {
    ApiServerMain.serve(bind, port, !http, requestLog, adminSocket);
    return 0;
  }
}
