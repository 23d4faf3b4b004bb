// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.address;

/**
 * Strict RFC 4291 (section 2.2) IPv6 text to bytes: eight groups of 1-4 hex digits, at most one {@code ::}, and an
 * optional trailing dotted quad. No zone ids, no brackets, no DNS; null for anything else.
 */
final class Ipv6Literal {
  private Ipv6Literal() {}

  static byte[] parse(String text) {
    if (text.isEmpty() || text.length() > 45) {
      return null;
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null; // "::" may appear once only
    }
    int[] head = gap < 0 ? groups(text) : groups(text.substring(0, gap));
    int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2));
    if (head == null || tail == null) {
      return null;
    }
    int total = head.length + tail.length;
    if (gap < 0 ? total != 8 : total > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[2 * i] = (byte) (all[i] >>> 8);
      bytes[2 * i + 1] = (byte) all[i];
    }
    return bytes;
  }

  // Groups of one side of "::" (or the whole text); a dotted quad is allowed as the last part and counts as two.
  private static int[] groups(String part) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] pieces = part.split(":", -1);
    int n = pieces.length;
    boolean quad = pieces[n - 1].indexOf('.') >= 0;
    int[] out = new int[quad ? n + 1 : n];
    for (int i = 0; i < n; i++) {
      String p = pieces[i];
      if (quad && i == n - 1) {
        int[] q = dottedQuad(p);
        if (q == null) {
          return null;
        }
        out[i] = q[0];
        out[i + 1] = q[1];
        continue;
      }
      int g = hexGroup(p);
      if (g < 0) {
        return null;
      }
      out[i] = g;
    }
    return out;
  }

  private static int hexGroup(String p) {
    if (p.isEmpty() || p.length() > 4) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < p.length(); i++) {
      int d = Character.digit(p.charAt(i), 16);
      if (d < 0 || p.charAt(i) > 'f') {
        return -1; // Character.digit also accepts non-ASCII digits
      }
      v = (v << 4) | d;
    }
    return v;
  }

  private static int[] dottedQuad(String p) {
    String[] o = p.split("\\.", -1);
    if (o.length != 4) {
      return null;
    }
    int[] b = new int[4];
    for (int i = 0; i < 4; i++) {
      if (o[i].isEmpty() || o[i].length() > 3 || (o[i].length() > 1 && o[i].charAt(0) == '0')) {
        return null;
      }
      for (char c : o[i].toCharArray()) {
        if (c < '0' || c > '9') {
          return null;
        }
      }
      b[i] = Integer.parseInt(o[i]);
      if (b[i] > 255) {
        return null;
      }
    }
    return new int[] {(b[0] << 8) | b[1], (b[2] << 8) | b[3]};
  }
}
