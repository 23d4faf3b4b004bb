// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

/**
 * One configuration mistake, printed on its own line: the setting as the user wrote it, the (redacted) value and
 * what was expected.
 *
 * @param where setting as written, e.g. {@code vip_leaseduration} or {@code --arp}
 * @param value offending value, or null when the message needs none
 * @param message what is wrong and what was expected
 */
public record Problem(String where, String value, String message) {

  static Problem of(ResolvedValue v, String message) {
    return new Problem(v.where(), v.displayValue(), message);
  }

  @Override
  public String toString() {
    return where + ": " + (value == null ? "" : "'" + value + "' ") + message;
  }
}
