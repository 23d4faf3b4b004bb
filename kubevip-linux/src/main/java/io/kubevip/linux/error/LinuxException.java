// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.error;

/** Base of every failure the Linux layer reports, so adapters can catch one type. */
public class LinuxException extends RuntimeException {
  public LinuxException(String message) {
    super(message);
  }

  public LinuxException(String message, Throwable cause) {
    super(message, cause);
  }
}
