// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.node;

/**
 * A Linux network interface name ({@code vip_interface}, {@code kube-vip.io/serviceInterface}). Validated here
 * because the kernel silently truncates or rejects bad names with an unhelpful errno.
 */
public record InterfaceName(String name) implements Comparable<InterfaceName> {
  /** IFNAMSIZ is 16 including the terminating NUL ({@code include/uapi/linux/if.h}). */
  public static final int MAX_LENGTH = 15;

  public InterfaceName {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("interface name is empty: expected a Linux interface name such as 'eth0'");
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("interface name '" + name + "' has " + name.length()
          + " characters: Linux allows at most " + MAX_LENGTH);
    }
    if (name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("interface name '" + name + "' is not allowed by Linux");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException("interface name '" + name + "' contains '" + c
            + "': Linux names may not contain '/' or whitespace");
      }
    }
  }

  public static InterfaceName of(String name) {
    return new InterfaceName(name);
  }

  @Override
  public int compareTo(InterfaceName o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
