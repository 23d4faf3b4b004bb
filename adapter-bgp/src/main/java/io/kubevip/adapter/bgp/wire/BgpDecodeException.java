// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.util.HexFormat;

/**
 * Bytes that are not a valid BGP message, with the NOTIFICATION (code, subcode, data) RFC 4271 §6 tells the
 * receiver to send, and how RFC 7606 says to handle it: only {@link Handling#SESSION_RESET} ends a session; the
 * weaker handlings travel inside a parsed {@link Update} (see {@link Update#error()}).
 */
public final class BgpDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** RFC 7606 §2 error handling approaches, weakest first (compare with {@link #isStrongerThan}). */
  public enum Handling {
    /** RFC 7606 "attribute discard": drop the attribute, keep the route. */
    ATTRIBUTE_DISCARD,
    /** RFC 7606 "treat-as-withdraw": every prefix in the UPDATE is withdrawn. */
    TREAT_AS_WITHDRAW,
    /** RFC 4271 §6: send the NOTIFICATION and close the session. */
    SESSION_RESET
  }

  private final int code;
  private final int subcode;
  private final byte[] data;
  private final Handling handling;

  public BgpDecodeException(int code, int subcode, byte[] data, Handling handling, String detail) {
    // no stack trace: the protocol facts are the diagnosis, and peers can make us build many of these
    super(detail + ": " + ErrorCodes.describe(code, subcode) + " " + handling.name().toLowerCase().replace('_', '-'),
        null, false, false);
    this.code = code;
    this.subcode = subcode;
    this.data = data == null ? new byte[0] : data.clone();
    this.handling = handling;
  }

  /** A session-reset error. */
  public static BgpDecodeException reset(int code, int subcode, byte[] data, String detail) {
    return new BgpDecodeException(code, subcode, data, Handling.SESSION_RESET, detail);
  }

  public int code() {
    return code;
  }

  public int subcode() {
    return subcode;
  }

  public byte[] data() {
    return data.clone();
  }

  public Handling handling() {
    return handling;
  }

  /** Severity order like gobgp's {@code MessageError.Stronger}. */
  public boolean isStrongerThan(BgpDecodeException other) {
    return other == null || handling.compareTo(other.handling) > 0;
  }

  /** The NOTIFICATION to send for a session reset. */
  public Notification toNotification() {
    return new Notification(code, subcode, Octets.of(data));
  }

  /** Hex of the data, for logs. */
  public String dataHex() {
    return HexFormat.of().formatHex(data);
  }
}
