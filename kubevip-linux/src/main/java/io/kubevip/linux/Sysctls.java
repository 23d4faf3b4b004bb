// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import io.kubevip.linux.error.LinuxException;
import io.kubevip.linux.jna.Namespaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The few per-interface sysctls kubevip needs, under /proc/sys/net of the calling thread's network
 * namespace (so call it inside {@link NetNamespace#call}). Deliberately narrow: no free-form keys.
 */
public final class Sysctls {
  private static final Path PROC = Path.of("/proc/sys/net");
  private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");

  /** The interface sysctls we read or write, with their family directory. */
  public enum Key {
    /** Send a gratuitous ARP when the device comes up or its MAC changes. */
    ARP_NOTIFY("ipv4", "arp_notify"),
    /** Send an unsolicited NA when the device comes up or DAD completes (not with nodad). */
    NDISC_NOTIFY("ipv6", "ndisc_notify"),
    /** Reverse-path filter: 0 off, 1 strict, 2 loose. */
    RP_FILTER("ipv4", "rp_filter"),
    /** 0 no DAD, 1 DAD, 2 DAD and disable IPv6 on a duplicate link-local. */
    ACCEPT_DAD("ipv6", "accept_dad");

    final String family;
    final String file;

    Key(String family, String file) {
      this.family = family;
      this.file = file;
    }
  }

  private final Path root;

  /** Reads and writes the real /proc/sys/net. */
  public Sysctls() {
    this(PROC);
  }

  /** Reads and writes under {@code root} (a directory laid out like /proc/sys/net), for tests. */
  public Sysctls(Path root) {
    this.root = root;
  }

  /** Equivalent to: {@code sysctl -n net.$family.conf.$iface.$key}. */
  public int get(String iface, Key key) {
    Path p = path(iface, key);
    try {
      return Integer.parseInt(Files.readString(p, StandardCharsets.US_ASCII).trim());
    } catch (NoSuchFileException e) {
      throw new LinuxException("reading " + p + ": no such sysctl (does interface '" + iface + "' exist?)", e);
    } catch (IOException | NumberFormatException e) {
      throw new LinuxException("reading " + p + ": " + e.getMessage(), e);
    }
  }

  /** Equivalent to: {@code sysctl -w net.$family.conf.$iface.$key=$value}. */
  public void set(String iface, Key key, int value) {
    Path p = path(iface, key);
    if (root.equals(PROC)) {
      RootGuard.check(Namespaces.currentThreadInRootNamespace(), "writing " + p);
    }
    try {
      Files.writeString(p, Integer.toString(value), StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new LinuxException("writing " + p + ": no such sysctl (does interface '" + iface + "' exist?)", e);
    } catch (IOException e) {
      throw new LinuxException("writing " + value + " to " + p + ": " + e.getMessage()
          + " (needs root / CAP_NET_ADMIN)", e);
    }
  }

  private Path path(String iface, Key key) {
    if (!IFNAME.matcher(iface).matches() || iface.equals(".") || iface.equals("..")) {
      throw new IllegalArgumentException(
          "interface name '" + iface + "' must be 1..15 characters of letters, digits and _.:@-");
    }
    return root.resolve(key.family).resolve("conf").resolve(iface).resolve(key.file);
  }
}
