// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.address;

/** A VIP text that is not an acceptable virtual IP; the message names the text and what was expected. */
public final class InvalidVipException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidVipException(String message) {
    super(message);
  }
}
