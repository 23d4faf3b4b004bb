// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.bfd;

/** RFC 5880 §4.1 "Sta" field values. */
public enum BfdState {
  ADMIN_DOWN, DOWN, INIT, UP;

  static BfdState of(int code) {
    return values()[code & 3];
  }
}
