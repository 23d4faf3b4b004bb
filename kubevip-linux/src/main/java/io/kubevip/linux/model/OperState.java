// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.model;

/** RFC 2863 operational state, IF_OPER_* in linux/if.h, in kernel order. */
public enum OperState {
  UNKNOWN,
  NOTPRESENT,
  DOWN,
  LOWERLAYERDOWN,
  TESTING,
  DORMANT,
  UP;

  public static OperState of(int code) {
    return code >= 0 && code < values().length ? values()[code] : UNKNOWN;
  }
}
