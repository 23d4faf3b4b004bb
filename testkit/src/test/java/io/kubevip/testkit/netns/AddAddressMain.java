// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import io.kubevip.linux.Netlink;
import io.kubevip.linux.model.Addr;
import java.io.IOException;

/**
 * A separate process for {@link AddressOwnershipAcrossProcessesPrivilegedIT}: adds one tagged address
 * in the namespace it was started in ({@code ip netns exec}), prints {@code added <change>}, then
 * blocks until killed, so the test can kill it with SIGKILL while it still holds its socket.
 *
 * <p>Usage: {@code add <link> <cidr>}.
 */
public final class AddAddressMain {
  private AddAddressMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3 || !args[0].equals("add")) {
      System.err.println("usage: add <link> <cidr>, was " + String.join(" ", args));
      System.exit(2);
    }
    Netlink nl = Netlink.open();
    Netlink.Change change = nl.addAddress(args[1], Addr.parse(args[2]));
    System.out.println("added " + change);
    System.out.flush();
    // keep the socket open until the test kills us; EOF on stdin (the test went away) also ends us
    while (System.in.read() >= 0) {
      // ignore input
    }
  }
}
