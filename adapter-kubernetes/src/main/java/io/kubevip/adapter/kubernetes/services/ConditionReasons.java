// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import java.util.regex.Pattern;

/**
 * metav1.Condition.reason must match {@code ^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$} or the API server refuses the
 * whole status write; a caller's free-form reason is squeezed into that shape instead.
 */
final class ConditionReasons {
  private static final Pattern VALID = Pattern.compile("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$");
  private static final int MAX = 1024;

  private ConditionReasons() {}

  static String sanitize(String reason) {
    if (reason != null && reason.length() <= MAX && VALID.matcher(reason).matches()) {
      return reason;
    }
    StringBuilder sb = new StringBuilder();
    boolean upper = true;
    for (char ch : (reason == null ? "" : reason).toCharArray()) {
      if (Character.isLetterOrDigit(ch) && ch < 128) {
        if (sb.length() == 0 && !Character.isLetter(ch)) {
          sb.append('R');
        }
        sb.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      } else {
        upper = true; // "no eligible node" -> NoEligibleNode
      }
    }
    String out = sb.length() == 0 ? "Unknown" : sb.toString();
    return out.length() > MAX ? out.substring(0, MAX) : out;
  }
}
