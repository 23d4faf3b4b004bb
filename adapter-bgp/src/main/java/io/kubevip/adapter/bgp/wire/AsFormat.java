// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

/**
 * How AS numbers in AS_PATH and AGGREGATOR are written: RFC 6793 makes them 4 octets once both OPENs carry the
 * 4-octet AS capability, 2 octets otherwise (with AS_TRANS and AS4_PATH standing in for large AS numbers).
 */
public enum AsFormat {
  TWO_OCTET(2),
  FOUR_OCTET(4);

  /** RFC 6793 §9: the 2-octet placeholder for an AS number above 65535. */
  public static final int AS_TRANS = 23456;

  private final int octets;

  AsFormat(int octets) {
    this.octets = octets;
  }

  public int octets() {
    return octets;
  }
}
