// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

/** NOTIFICATION error codes and subcodes with their IANA names (RFC 4271 §4.5, RFC 4486, RFC 7313). */
public final class ErrorCodes {
  public static final int MESSAGE_HEADER = 1;
  public static final int CONNECTION_NOT_SYNCHRONIZED = 1;
  public static final int BAD_MESSAGE_LENGTH = 2;
  public static final int BAD_MESSAGE_TYPE = 3;

  public static final int OPEN_MESSAGE = 2;
  public static final int UNSUPPORTED_VERSION_NUMBER = 1;
  public static final int BAD_PEER_AS = 2;
  public static final int BAD_BGP_IDENTIFIER = 3;
  public static final int UNSUPPORTED_OPTIONAL_PARAMETER = 4;
  public static final int UNACCEPTABLE_HOLD_TIME = 6;
  public static final int UNSUPPORTED_CAPABILITY = 7;

  public static final int UPDATE_MESSAGE = 3;
  public static final int MALFORMED_ATTRIBUTE_LIST = 1;
  public static final int UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE = 2;
  public static final int MISSING_WELL_KNOWN_ATTRIBUTE = 3;
  public static final int ATTRIBUTE_FLAGS_ERROR = 4;
  public static final int ATTRIBUTE_LENGTH_ERROR = 5;
  public static final int INVALID_ORIGIN_ATTRIBUTE = 6;
  public static final int INVALID_NEXT_HOP_ATTRIBUTE = 8;
  public static final int OPTIONAL_ATTRIBUTE_ERROR = 9;
  public static final int INVALID_NETWORK_FIELD = 10;
  public static final int MALFORMED_AS_PATH = 11;

  public static final int HOLD_TIMER_EXPIRED = 4;
  public static final int FSM_ERROR = 5;

  public static final int CEASE = 6;
  public static final int MAXIMUM_PREFIXES_REACHED = 1;
  public static final int ADMINISTRATIVE_SHUTDOWN = 2;
  public static final int PEER_DECONFIGURED = 3;
  public static final int ADMINISTRATIVE_RESET = 4;
  public static final int CONNECTION_REJECTED = 5;
  public static final int CONNECTION_COLLISION_RESOLUTION = 7;

  public static final int ROUTE_REFRESH_MESSAGE = 7;
  public static final int INVALID_MESSAGE_LENGTH = 1;

  private ErrorCodes() {}

  /** "Cease/Administrative Shutdown (6/2)" style text for logs. */
  public static String describe(int code, int subcode) {
    return name(code, subcode) + " (" + code + "/" + subcode + ")";
  }

  private static String name(int code, int subcode) {
    switch (code) {
      case MESSAGE_HEADER:
        return "Message Header Error/" + pick(subcode, "Unspecific", "Connection Not Synchronized",
            "Bad Message Length", "Bad Message Type");
      case OPEN_MESSAGE:
        return "OPEN Message Error/" + pick(subcode, "Unspecific", "Unsupported Version Number", "Bad Peer AS",
            "Bad BGP Identifier", "Unsupported Optional Parameter", "Deprecated", "Unacceptable Hold Time",
            "Unsupported Capability");
      case UPDATE_MESSAGE:
        return "UPDATE Message Error/" + pick(subcode, "Unspecific", "Malformed Attribute List",
            "Unrecognized Well-known Attribute", "Missing Well-known Attribute", "Attribute Flags Error",
            "Attribute Length Error", "Invalid ORIGIN Attribute", "Deprecated", "Invalid NEXT_HOP Attribute",
            "Optional Attribute Error", "Invalid Network Field", "Malformed AS_PATH");
      case HOLD_TIMER_EXPIRED:
        return "Hold Timer Expired";
      case FSM_ERROR:
        return "Finite State Machine Error";
      case CEASE:
        return "Cease/" + pick(subcode, "Unspecific", "Maximum Number of Prefixes Reached",
            "Administrative Shutdown", "Peer De-configured", "Administrative Reset", "Connection Rejected",
            "Other Configuration Change", "Connection Collision Resolution", "Out of Resources");
      case ROUTE_REFRESH_MESSAGE:
        return "ROUTE-REFRESH Message Error/" + pick(subcode, "Reserved", "Invalid Message Length");
      default:
        return "Unknown error code " + code;
    }
  }

  private static String pick(int subcode, String... names) {
    return subcode >= 0 && subcode < names.length ? names[subcode] : "subcode " + subcode;
  }
}
