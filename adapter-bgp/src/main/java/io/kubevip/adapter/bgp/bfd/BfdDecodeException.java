// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.bfd;

/**
 * A control packet RFC 5880 §6.8.6 says to discard, with the rule it broke. BFD has no error replies: the
 * receiver only drops the packet (and may count it).
 */
public final class BfdDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  public BfdDecodeException(String reason) {
    super(reason, null, false, false);
  }
}
