// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lab creates network namespaces, so it needs root; it says so in one line rather than failing midway. */
final class Root {
  private Root() {}

  static void require() {
    if (!isRoot()) {
      throw new LabException("needs root (it creates network namespaces: run it with sudo)");
    }
    if (!Exec.run("ip", "-V").ok()) {
      throw new LabException("needs iproute2 ('ip') on the PATH");
    }
  }

  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
