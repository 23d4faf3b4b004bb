// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.bfd;

import java.nio.ByteBuffer;

/**
 * RFC 5880 §4.1 BFD control packet without authentication (24 octets). Intervals are in microseconds.
 * {@link #parse} applies the §6.8.6 reception checks that need no session state.
 */
public record BfdPacket(int diag, BfdState state, boolean poll, boolean fin, boolean controlPlaneIndependent,
    boolean demand, int detectMult, long myDiscriminator, long yourDiscriminator, long desiredMinTxUs,
    long requiredMinRxUs, long requiredMinEchoRxUs) {
  public static final int VERSION = 1;
  public static final int LENGTH = 24;
  /** Diagnostic codes (RFC 5880 §4.1). */
  public static final int DIAG_NONE = 0;
  public static final int DIAG_DETECTION_TIME_EXPIRED = 1;
  public static final int DIAG_NEIGHBOR_SIGNALED_DOWN = 3;
  public static final int DIAG_ADMIN_DOWN = 7;

  public BfdPacket {
    if (diag < 0 || diag > 31) {
      throw new IllegalArgumentException("BFD diagnostic must be 0..31, was " + diag);
    }
    if (detectMult < 1 || detectMult > 255) {
      throw new IllegalArgumentException("BFD detect multiplier must be 1..255, was " + detectMult);
    }
    for (long v : new long[] {myDiscriminator, yourDiscriminator, desiredMinTxUs, requiredMinRxUs,
        requiredMinEchoRxUs}) {
      if (v < 0 || v > 0xffffffffL) {
        throw new IllegalArgumentException("BFD 32-bit field out of range: " + v);
      }
    }
    if (myDiscriminator == 0) {
      throw new IllegalArgumentException("BFD My Discriminator must be non-zero (RFC 5880 §6.8.1)");
    }
  }

  public byte[] encode() {
    ByteBuffer b = ByteBuffer.allocate(LENGTH);
    b.put((byte) (VERSION << 5 | diag));
    b.put((byte) (state.ordinal() << 6 | (poll ? 0x20 : 0) | (fin ? 0x10 : 0) | (controlPlaneIndependent ? 0x08 : 0)
        | (demand ? 0x02 : 0)));
    b.put((byte) detectMult).put((byte) LENGTH);
    b.putInt((int) myDiscriminator).putInt((int) yourDiscriminator);
    b.putInt((int) desiredMinTxUs).putInt((int) requiredMinRxUs).putInt((int) requiredMinEchoRxUs);
    return b.array();
  }

  /** Decodes one packet (the whole UDP payload), or says which §6.8.6 rule discards it. */
  public static BfdPacket parse(ByteBuffer in) throws BfdDecodeException {
    int payload = in.remaining();
    if (payload < LENGTH) {
      throw new BfdDecodeException("packet of " + payload + " octets, at least 24 needed");
    }
    int b0 = in.get() & 0xff;
    int b1 = in.get() & 0xff;
    int mult = in.get() & 0xff;
    int length = in.get() & 0xff;
    if (b0 >> 5 != VERSION) {
      throw new BfdDecodeException("version " + (b0 >> 5) + ", expected 1");
    }
    if ((b1 & 0x04) != 0) {
      throw new BfdDecodeException("authentication present (A bit) but none is configured");
    }
    if (length < LENGTH || length > payload) {
      throw new BfdDecodeException("length field " + length + " with a payload of " + payload + " octets");
    }
    if (mult == 0) {
      throw new BfdDecodeException("detect multiplier 0");
    }
    if ((b1 & 0x01) != 0) {
      throw new BfdDecodeException("multipoint (M) bit set");
    }
    long my = in.getInt() & 0xffffffffL;
    long your = in.getInt() & 0xffffffffL;
    if (my == 0) {
      throw new BfdDecodeException("My Discriminator 0");
    }
    BfdState state = BfdState.of(b1 >> 6);
    if (your == 0 && state != BfdState.DOWN && state != BfdState.ADMIN_DOWN) {
      throw new BfdDecodeException("Your Discriminator 0 in state " + state);
    }
    return new BfdPacket(b0 & 0x1f, state, (b1 & 0x20) != 0, (b1 & 0x10) != 0, (b1 & 0x08) != 0,
        (b1 & 0x02) != 0, mult, my, your, in.getInt() & 0xffffffffL, in.getInt() & 0xffffffffL,
        in.getInt() & 0xffffffffL);
  }
}
