// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.error;

import java.util.List;

/** An operation named an interface that does not exist; the message lists the ones that do. */
public class NoSuchLinkException extends LinuxException {
  private final String name;

  public NoSuchLinkException(String operation, String name, List<String> existing) {
    super(
        operation
            + ": no interface named '"
            + name
            + "' in this network namespace; existing interfaces: "
            + (existing.isEmpty() ? "(none)" : String.join(", ", existing)));
    this.name = name;
  }

  public String name() {
    return name;
  }
}
