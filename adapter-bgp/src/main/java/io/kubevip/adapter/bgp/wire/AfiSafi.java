// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

/** An address family identifier pair (RFC 4760 §2, IANA AFI/SAFI registries). */
public record AfiSafi(int afi, int safi) {
  public static final int AFI_IPV4 = 1;
  public static final int AFI_IPV6 = 2;
  public static final int SAFI_UNICAST = 1;
  public static final AfiSafi IPV4_UNICAST = new AfiSafi(AFI_IPV4, SAFI_UNICAST);
  public static final AfiSafi IPV6_UNICAST = new AfiSafi(AFI_IPV6, SAFI_UNICAST);

  public AfiSafi {
    if (afi < 0 || afi > 0xffff) {
      throw new IllegalArgumentException("AFI must be 0..65535, was " + afi);
    }
    if (safi < 0 || safi > 0xff) {
      throw new IllegalArgumentException("SAFI must be 0..255, was " + safi);
    }
  }

  /** Prefix bits of the family's addresses, or -1 when this codec does not know the family. */
  public int addressBits() {
    if (safi != SAFI_UNICAST) {
      return -1;
    }
    return afi == AFI_IPV4 ? 32 : afi == AFI_IPV6 ? 128 : -1;
  }

  @Override
  public String toString() {
    return equals(IPV4_UNICAST) ? "ipv4-unicast" : equals(IPV6_UNICAST) ? "ipv6-unicast" : afi + "/" + safi;
  }
}
