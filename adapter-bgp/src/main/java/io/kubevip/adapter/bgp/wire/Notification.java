// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 4271 §4.5 NOTIFICATION: the last message of a session. For Cease/Administrative Shutdown and Reset the data
 * may be an RFC 9003 shutdown communication (length octet + UTF-8, at most 255 octets) an operator reads in the
 * peer's log.
 */
public record Notification(int code, int subcode, Octets data) implements BgpMessage {
  /** RFC 9003 §2: the longest shutdown communication. */
  public static final int MAX_SHUTDOWN_COMMUNICATION = 255;

  public Notification {
    if (code < 0 || code > 255 || subcode < 0 || subcode > 255) {
      throw new IllegalArgumentException("NOTIFICATION code/subcode must be 0..255, was " + code + "/" + subcode);
    }
    Objects.requireNonNull(data, "data");
  }

  public Notification(int code, int subcode) {
    this(code, subcode, Octets.EMPTY);
  }

  /**
   * Cease/Administrative Shutdown with an RFC 9003 message, cut at a character boundary to 255 UTF-8 octets.
   */
  public static Notification shutdown(String message) {
    return withCommunication(ErrorCodes.ADMINISTRATIVE_SHUTDOWN, message);
  }

  /** Cease with subcode 2 (shutdown) or 4 (reset) and an RFC 9003 communication. */
  public static Notification withCommunication(int ceaseSubcode, String message) {
    byte[] text = truncateUtf8(message == null ? "" : message);
    byte[] data = new byte[text.length + 1];
    data[0] = (byte) text.length;
    System.arraycopy(text, 0, data, 1, text.length);
    return new Notification(ErrorCodes.CEASE, ceaseSubcode, Octets.of(data));
  }

  /** The RFC 9003 shutdown communication, when this is a Cease 2/4 whose data holds a well-formed one. */
  public Optional<String> shutdownCommunication() {
    if (code != ErrorCodes.CEASE || (subcode != ErrorCodes.ADMINISTRATIVE_SHUTDOWN
        && subcode != ErrorCodes.ADMINISTRATIVE_RESET) || data.length() == 0) {
      return Optional.empty();
    }
    byte[] d = data.toArray();
    int len = d[0] & 0xff;
    if (len > d.length - 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(d, 1, len)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  @Override
  public int type() {
    return TYPE_NOTIFICATION;
  }

  @Override
  public byte[] encode(AsFormat format) {
    ByteBuffer b = ByteBuffer.allocate(2 + data.length());
    b.put((byte) code).put((byte) subcode).put(data.toArray()).flip();
    return Framing.frame(TYPE_NOTIFICATION, b);
  }

  static Notification decode(ByteBuffer body) {
    int code = body.get() & 0xff;
    int subcode = body.get() & 0xff;
    byte[] data = new byte[body.remaining()];
    body.get(data);
    return new Notification(code, subcode, Octets.of(data));
  }

  private static byte[] truncateUtf8(String s) {
    var enc = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer out = ByteBuffer.allocate(MAX_SHUTDOWN_COMMUNICATION);
    enc.encode(CharBuffer.wrap(s), out, true); // stops before a character that would not fit whole
    out.flip();
    byte[] b = new byte[out.remaining()];
    out.get(b);
    return b;
  }

  @Override
  public String toString() {
    return "Notification[" + ErrorCodes.describe(code, subcode)
        + shutdownCommunication().map(m -> " \"" + m + "\"").orElse(data.length() == 0 ? "" : " data=" + data) + "]";
  }
}
